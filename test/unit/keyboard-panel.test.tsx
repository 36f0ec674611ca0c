// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { KeyboardPanel } from '@/components/KeyboardPanel';
import { LocaleContext } from '@/components/Locale';

describe('popup: the keyboard legend and switch', () => {
  it('lists every key with its meaning in the interface language, and the switch says and changes the setting', () => {
    // In the document: a detached checkbox sends no change event.
    const root = document.body.appendChild(document.createElement('div'));
    const onSwitch = vi.fn();
    render(
      <LocaleContext.Provider value="ru">
        <KeyboardPanel on={true} onSwitch={onSwitch} />
      </LocaleContext.Provider>,
      root,
    );
    const legend = [...root.querySelectorAll('.keys li')].map((item) => item.textContent);
    expect(legend).toEqual(['1 позитив', '2 нейтрально', '3 негатив', '0 не по теме', 'r рекомендует', 'j к следующему', 'k к предыдущему']);
    const toggle = root.querySelector<HTMLInputElement>('[data-testid="keyboard-marking-switch"]')!;
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('label')?.textContent?.trim()).toBe('Отметки с клавиатуры');
    toggle.click();
    expect(onSwitch).toHaveBeenCalledWith(false);
    render(null, root);
    root.remove();
  });
});
