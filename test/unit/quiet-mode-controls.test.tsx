// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '@/components/Locale';
import { QuietModeControls } from '@/components/QuietModeControls';
import type { QuietMode } from '@/lib/annotate/quiet-mode';

afterEach(() => render(null, document.body));

function show(mode: QuietMode, site: string | null, locale: 'en' | 'ru' | 'bg' = 'en') {
  const onHideOnSite = vi.fn();
  const onHideEverywhere = vi.fn();
  render(
    <LocaleContext.Provider value={locale}>
      <QuietModeControls site={site} mode={mode} onHideOnSite={onHideOnSite} onHideEverywhere={onHideEverywhere} />
    </LocaleContext.Provider>,
    document.body,
  );
  const box = (id: string) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
  return { onHideOnSite, onHideEverywhere, box };
}

describe('quiet mode in the popup', () => {
  it('two switches named by their labels, each showing its state, one click each', () => {
    const { box, onHideOnSite, onHideEverywhere } = show({ everywhere: false, sites: [] }, 'www.google.com');
    expect(box('quiet-site')!.closest('label')!.textContent!.trim()).toBe('Hide tags on www.google.com');
    expect(box('quiet-site')!.checked).toBe(false);
    expect(box('quiet-everywhere')!.checked).toBe(false);
    box('quiet-site')!.click();
    expect(onHideOnSite).toHaveBeenCalledWith(true);
    box('quiet-everywhere')!.click();
    expect(onHideEverywhere).toHaveBeenCalledWith(true);
  });

  it('a hidden site is checked; hidden everywhere, the site switch is checked and cannot be changed', () => {
    expect(show({ everywhere: false, sites: ['www.google.com'] }, 'www.google.com').box('quiet-site')!.checked).toBe(true);
    const { box } = show({ everywhere: true, sites: [] }, 'www.google.com');
    expect(box('quiet-site')!.checked).toBe(true);
    expect(box('quiet-site')!.disabled).toBe(true);
    expect(box('quiet-everywhere')!.checked).toBe(true);
  });

  it('no site switch for a tab that is no web site; words in the interface language', () => {
    const { box } = show({ everywhere: false, sites: [] }, null, 'ru');
    expect(box('quiet-site')).toBeNull();
    expect(box('quiet-everywhere')!.closest('label')!.textContent!.trim()).toBe('Скрыть разметку везде');
    expect(document.querySelector('section')!.getAttribute('aria-label')).toBe('Тихий режим');
  });
});
