// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelsFromDraft, draftOf, PromotionPanel, type PromotionData } from '@/components/PromotionPanel';
import { NO_FIGURES, type PromotionMonth } from '@/lib/promotion';

const LOCALE = 'ru-RU';
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Intl groups digits with no-break spaces; the assertions are written with plain ones. */
const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s/g, ' ') ?? '';

const NOVEMBER: PromotionMonth = {
  projectId: 'p1',
  month: '2026-11',
  channels: [
    {
      name: 'VK',
      actual: { spend: 12_000, impressions: 48_000, clicks: 960, joins: 120, conversions: 30, sales: 6 },
      plan: { ...NO_FIGURES, spend: 10_000, clicks: 1_000 },
    },
  ],
  updatedAt: 5,
};
const DATA: PromotionData = { promotion: NOVEMBER, budget: 150_000, months: ['2026-11'] };

describe('promotion figures as typed', () => {
  it('reads amounts and counts as the locale writes them; an empty field is not entered', () => {
    const [vk] = draftOf(NOVEMBER, LOCALE);
    const typed = { ...vk!, actual: { ...vk!.actual, spend: '150 000 ₽', clicks: '1 200', sales: ' ' } };
    expect(channelsFromDraft([typed], LOCALE)).toEqual({
      channels: [{ name: 'VK', actual: { ...NOVEMBER.channels[0]!.actual, spend: 150_000, clicks: 1_200, sales: null }, plan: NOVEMBER.channels[0]!.plan }],
      errors: {},
    });
  });

  it('a stored month shown in the fields reads back unchanged, every digit', () => {
    const month = { ...NOVEMBER, channels: [{ ...NOVEMBER.channels[0]!, actual: { ...NO_FIGURES, spend: 1_234_567.891 } }] };
    expect(channelsFromDraft(draftOf(month, LOCALE), LOCALE)).toEqual({ channels: month.channels, errors: {} });
    expect(draftOf(month, LOCALE)[0]!.actual.spend.replace(/\s/g, ' ')).toBe('1 234 567,891');
  });

  it('says why a field cannot be read, beside that field: a scale word, a fraction of a count, a name twice', () => {
    const [vk] = draftOf(NOVEMBER, LOCALE);
    const typed = { ...vk!, actual: { ...vk!.actual, spend: '1,5 млн', clicks: '2,5' } };
    const twice = { ...vk!, key: vk!.key + 1000, name: 'vk ' };
    const { errors } = channelsFromDraft([typed, twice], LOCALE);
    expect(errors).toEqual({
      [`${vk!.key}.actual.spend`]: expect.stringMatching(/in digits/),
      [`${vk!.key}.actual.clicks`]: 'Enter a whole number.',
      [`${vk!.key + 1000}.name`]: '“vk” is already a channel of this month.',
    });
  });
});

describe('promotion panel', () => {
  afterEach(() => {
    render(null, document.body.firstElementChild!);
    document.body.replaceChildren();
  });

  function mount(data: PromotionData | null = DATA) {
    const onSave = vi.fn();
    const onMonthChange = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    const show = (shown: PromotionData | null) =>
      render(
        <PromotionPanel data={shown} month="2026-11" thisMonth="2026-11" saving={false} locale={LOCALE} onMonthChange={onMonthChange} onSave={onSave} />,
        root,
      );
    show(data);
    const find = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
    const type = async (testId: string, value: string) => {
      const input = find<HTMLInputElement>(`[data-testid="${testId}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      return input;
    };
    const save = async () => {
      find<HTMLButtonElement>('[data-testid="promotion-save"]')!.click();
      await settle();
    };
    return { root, find, type, save, show, onSave, onMonthChange };
  }

  it('shows costs per channel and in total, against the plan and the budget', async () => {
    const { find, root } = mount();
    await settle();
    expect(find('[data-testid="promotion-panel"] caption')?.textContent).toMatch(/ноябрь 2026/);
    const total = find('[data-testid="promotion-total-spend"]')!;
    expect(textOf(total)).toBe('12 000');
    expect(total.dataset.value).toBe('12000');
    const actualRow = [...root.querySelectorAll('[data-testid="promotion-channel"] tr.actual td.number')].map(textOf);
    expect(actualRow).toEqual(['250', '12,5', '100', '400', '2 000', '2 %']); // CPM, per click, join, conversion, sale; CTR
    const vsPlan = [...root.querySelectorAll('[data-testid="promotion-channel"] tr.vs-plan td')].map(textOf);
    expect(vsPlan[0]).toBe('+2 000 (120 %)'); // spend
    expect(vsPlan[2]).toMatch(/^[-−]40 \(96 %\)$/); // clicks
    expect(vsPlan[7]).toBe('+2,5 (80 %)'); // per click: dearer than planned
    const budget = find('[data-testid="promotion-budget"]')!;
    expect(textOf(budget)).toMatch(/^12 000 of 150 000 budget spent \(8 %\), 138 000 left\.Planned: 10 000 of 150 000 budget\.$/);
    expect(budget.dataset.over).toBe('false');
    expect(find('input[aria-label="VK: actual spend"]')).not.toBeNull();
    expect(find('option[value="2026-11"]')?.textContent).toMatch(/saved/);
  });

  it('a number it cannot read keeps its text, says why beside it, and nothing is sent', async () => {
    const { find, type, save, onSave } = mount();
    const spend = await type('promotion-actual-spend', '1,5 млн');
    await save();
    expect(onSave).not.toHaveBeenCalled();
    expect(spend.value).toBe('1,5 млн');
    expect(spend.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(spend.getAttribute('aria-describedby')!);
    expect(error?.textContent).toMatch(/in digits/);
    expect(textOf(find('[data-testid="promotion-total-spend"]'))).toBe('—');

    await type('promotion-actual-spend', '160 000 ₽');
    expect(error?.isConnected).toBe(false);
    const budget = find('[data-testid="promotion-budget"]')!;
    expect(budget.dataset.over).toBe('true');
    expect(textOf(budget)).toMatch(/^Over budget: 160 000 of 150 000 budget spent \(106,7 %\), 10 000 over\./);
    await save();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toEqual({
      projectId: 'p1',
      month: '2026-11',
      channels: [{ ...NOVEMBER.channels[0], actual: { ...NOVEMBER.channels[0]!.actual, spend: 160_000 } }],
    });
  });

  it('adds and removes channels; a nameless channel is not sent', async () => {
    const { root, find, type, save, onSave } = mount();
    find<HTMLButtonElement>('[data-testid="promotion-add-channel"]')!.click();
    await settle();
    expect(root.querySelectorAll('[data-testid="promotion-channel"]')).toHaveLength(2);
    await save();
    expect(onSave).not.toHaveBeenCalled();
    expect(textOf(find('[data-testid="promotion-channel"]:nth-of-type(2) .field-error'))).toMatch(/Name the channel/);
    const names = root.querySelectorAll<HTMLInputElement>('[data-testid="promotion-channel-name"]');
    names[1]!.value = ' Telegram ';
    names[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await type('promotion-actual-spend', '12 000');
    root.querySelectorAll<HTMLButtonElement>('[data-testid="promotion-remove-channel"]')[0]!.click();
    await settle();
    expect(textOf(find('[data-testid="promotion-remove-channel"]'))).toBe('Remove Telegram');
    await save();
    expect(onSave.mock.calls[0]![0].channels).toEqual([{ name: 'Telegram', actual: NO_FIGURES, plan: NO_FIGURES }]);
  });

  it('a reload of the same saved month keeps what is typed; a newer save replaces it', async () => {
    const { show, type, find } = mount();
    await type('promotion-plan-joins', '150');
    show({ ...DATA, months: [...DATA.months] });
    await settle();
    expect(find<HTMLInputElement>('[data-testid="promotion-plan-joins"]')!.value).toBe('150');
    show({ ...DATA, promotion: { ...NOVEMBER, updatedAt: 6 } });
    await settle();
    expect(find<HTMLInputElement>('[data-testid="promotion-plan-joins"]')!.value).toBe('');
  });

  it('says when there is no budget to compare with, and while the month loads', async () => {
    const { find, show } = mount({ ...DATA, budget: null });
    await settle();
    expect(textOf(find('[data-testid="promotion-budget"]'))).toMatch(/No monthly budget/);
    show(null);
    await settle();
    expect(textOf(find('[data-testid="promotion-panel"]'))).toMatch(/Loading/);
    expect(find('[data-testid="promotion-month"]')).not.toBeNull();
  });
});
