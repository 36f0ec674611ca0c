// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { LocaleContext } from '@/components/Locale';
import { Onboarding } from '@/components/Onboarding';
import { KPIS } from '@/lib/kpi/registry';

describe('the first run', () => {
  it('explains every KPI in one sentence and the steps to the first numbers, in the chosen language', () => {
    const root = document.createElement('div');
    render(
      <LocaleContext.Provider value="bg">
        <Onboarding />
      </LocaleContext.Provider>,
      root,
    );
    expect(root.querySelector('h2')?.textContent).toBe('Първи стъпки');
    expect(root.querySelectorAll('ol li')).toHaveLength(3);
    const explained = [...root.querySelectorAll('dd')].map((item) => item.textContent ?? '');
    expect(explained).toHaveLength(KPIS.length);
    for (const sentence of explained) expect(sentence).toMatch(/^[А-Я].+\.$/u);
    render(null, root);
  });
});
