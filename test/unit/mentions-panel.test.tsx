// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MentionsPanel, type MentionResults } from '@/components/MentionsPanel';
import type { MentionRow } from '@/lib/messaging';
import type { MentionFilter } from '@/lib/mentions/filter';

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  render(null, document.body.firstElementChild!);
  document.body.replaceChildren();
});

const HOSTILE = '<img src=x onerror="alert(1)">';
const FLAGS = { clientSite: false, linksToClient: false, mentionsClient: true };

function row(canonicalUrl: string, overrides: Partial<MentionRow> = {}): MentionRow {
  return {
    canonicalUrl,
    url: canonicalUrl,
    domain: 'reviews.example.org',
    kind: 'serp-result',
    title: 'Acme Clinic reviews',
    excerpt: '',
    item: { canonicalUrl, suggested: { label: 'negative', score: -0.5, recommends: false }, mark: null, flags: FLAGS },
    months: ['2026-11', '2026-10'],
    lastSeen: 1,
    ...overrides,
  };
}

const ROWS = [
  row('https://reviews.example.org/acme', { title: HOSTILE, url: 'javascript:alert(1)' }),
  row('https://forum.example.org/t/1#p2', {
    kind: 'forum-post',
    domain: 'forum.example.org',
    item: { canonicalUrl: 'x', suggested: null, mark: { sentiment: 'positive', recommends: true, at: 1, suggestedAtMark: null }, flags: FLAGS },
  }),
];

function mount(overrides: { filter?: MentionFilter; results?: MentionResults | null } = {}) {
  const callbacks = { onFilterChange: vi.fn(), onPage: vi.fn(), onRelabel: vi.fn() };
  const container = document.createElement('div');
  document.body.append(container);
  const show = (results: MentionResults | null) =>
    render(
      <MentionsPanel
        filter={overrides.filter ?? {}}
        results={results}
        pageSize={50}
        engines={[{ id: 'google', name: 'Google' }]}
        portals={['forum.example.org']}
        busy={false}
        {...callbacks}
      />,
      container,
    );
  show(overrides.results === undefined ? { rows: ROWS, total: 1234, offset: 50 } : overrides.results);
  return { ...callbacks, show };
}

function type(element: HTMLInputElement | HTMLSelectElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

const select = (label: string) => document.querySelector<HTMLSelectElement>(`[aria-label="${label}"]`)!;
const action = (name: string) => byTestId('mentions-relabel').querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;

describe('mentions panel', () => {
  it('lists mentions as text with their label in words, and pages', async () => {
    const { onPage } = mount();
    const panel = byTestId('mentions-panel');
    expect(panel.querySelector('img')).toBeNull();
    expect(panel.textContent).toContain(HOSTILE);
    const links = panel.querySelectorAll('tbody a');
    expect(links[0]!.hasAttribute('href')).toBe(false);
    expect(links[1]!.getAttribute('href')).toBe('https://forum.example.org/t/1#p2');
    const cells = (index: number) => [...panel.querySelectorAll('tbody tr')[index]!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells(0).slice(2)).toEqual(['reviews.example.org', 'search result', 'negative · suggested', 'October 2026, November 2026']);
    expect(cells(1)[4]).toBe('positive · marked · recommends');
    expect(byTestId('mentions-total').textContent).toBe('51–52 of 1,234');
    expect(byTestId('mentions-total').dataset.value).toBe('1234');
    [...panel.querySelectorAll<HTMLButtonElement>('.mention-pager button')].forEach((button) => button.click());
    expect(onPage.mock.calls).toEqual([[0], [100]]);
  });

  it('turns the search box and the selects into a filter', async () => {
    const { onFilterChange } = mount({ filter: { kind: 'page' } });
    type(byTestId('mentions-search') as HTMLInputElement, 'отзывы');
    expect(onFilterChange).toHaveBeenLastCalledWith({ kind: 'page', text: 'отзывы' });
    type(select('Label'), 'unlabeled');
    expect(onFilterChange).toHaveBeenLastCalledWith({ kind: 'page', label: 'unlabeled' });
    type(select('Kind'), '');
    expect(onFilterChange).toHaveBeenLastCalledWith({ kind: undefined });
    type(select('Seen on'), 'portal:forum.example.org');
    expect(onFilterChange).toHaveBeenLastCalledWith({ kind: 'page', engine: undefined, portal: 'forum.example.org' });
    type(select('Seen on'), 'engine:google');
    expect(onFilterChange).toHaveBeenLastCalledWith({ kind: 'page', engine: 'google', portal: undefined });
    const domain = document.querySelector<HTMLInputElement>('[aria-label^="Domain"]')!;
    onFilterChange.mockClear();
    type(domain, 'not a domain');
    await settle();
    expect(onFilterChange).not.toHaveBeenCalled();
    expect(domain.getAttribute('aria-invalid')).toBe('true');
    type(domain, 'https://www.Example.com/x');
    expect(onFilterChange).toHaveBeenLastCalledWith({ kind: 'page', domain: 'example.com' });
  });

  it('marks the selected mentions together, after a select-all on the page', async () => {
    const { onRelabel, show } = mount();
    expect(action('negative').disabled).toBe(true);
    const selectAll = document.querySelector<HTMLInputElement>('[aria-label="Select all on this page"]')!;
    selectAll.click();
    await settle();
    expect(byTestId('mentions-relabel').textContent).toContain('Mark 2 selected as');
    document.querySelector<HTMLInputElement>('tbody input[type="checkbox"]')!.click();
    await settle();
    expect(selectAll.checked).toBe(false);
    action('negative').click();
    expect(onRelabel).toHaveBeenLastCalledWith(['https://forum.example.org/t/1#p2'], { sentiment: 'negative' });
    action('clear').click();
    expect(onRelabel).toHaveBeenLastCalledWith(['https://forum.example.org/t/1#p2'], { sentiment: null, recommends: false });
    // A live refresh keeps the ticks; a row that leaves the page leaves the selection.
    show({ rows: [...ROWS], total: 1234, offset: 50 });
    await settle();
    expect(document.querySelectorAll('tbody input:checked')).toHaveLength(1);
    show({ rows: [ROWS[0]!], total: 1233, offset: 50 });
    await settle();
    expect(action('negative').disabled).toBe(true);
    expect(document.querySelectorAll('tbody input:checked')).toHaveLength(0);
  });

  it('says when nothing is stored, and when nothing matches', () => {
    mount({ results: { rows: [], total: 0, offset: 0 } });
    expect(byTestId('mentions-total').textContent).toMatch(/No mentions stored yet/);
    render(null, document.body.firstElementChild!);
    document.body.replaceChildren();
    mount({ filter: { label: 'negative' }, results: { rows: [], total: 0, offset: 0 } });
    expect(byTestId('mentions-total').textContent).toMatch(/No mention matches/);
  });
});
