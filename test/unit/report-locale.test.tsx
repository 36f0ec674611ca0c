// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '@/components/Locale';
import { PromotionPanel, type PromotionData } from '@/components/PromotionPanel';
import { ReportView, type ReportData } from '@/components/ReportView';
import type { UiLocale } from '@/lib/i18n';
import { NO_FIGURES } from '@/lib/promotion';

/** Intl writes no-break spaces in numbers ("1 500", "42,5 %"); the assertions are written with plain ones. */
const textOf = (element: Element | null) => element?.textContent?.replace(/[\u00a0\u202f]/g, ' ') ?? '';

const root = document.createElement('div');
afterEach(() => render(null, root));

function show(locale: UiLocale, node: preact.ComponentChild): HTMLElement {
  render(<LocaleContext.Provider value={locale}>{node}</LocaleContext.Provider>, root);
  return root;
}

const NO_FLAGS = { clientSite: false, linksToClient: false, mentionsClient: false };
const KPI = { key: 'serp-positivity', titleKey: 'kpiSerpPositivity', title: 'SERP positivity', formula: 'f', unit: 'share', direction: 'higher-is-better' };

const REPORT = {
  project: { id: 'p', name: 'Акме', baselineMonth: '2026-09' },
  report: {
    month: '2026-11',
    score: 71,
    markedCount: 22,
    recent: [],
    kpis: [{ ...KPI, value: 0.425, target: 0.7, previous: 0.4, counted: 1500, confirmed: 22 }],
  },
  history: { projectId: 'p', baselineMonth: '2026-09', months: [] },
  drilldown: {
    month: '2026-11',
    previousMonth: '2026-10',
    months: ['2026-11'],
    queries: ['акме клиника'],
    query: null,
    lists: [
      {
        query: 'акме клиника',
        engine: 'yandex',
        previousObserved: true,
        entries: [
          {
            rank: 2,
            canonicalUrl: 'https://rival.ru/',
            url: 'https://rival.ru/',
            title: 'Конкурент',
            domain: 'rival.ru',
            label: 'marked:positive',
            flags: NO_FLAGS,
            change: { moved: 5 },
            previousRank: 7,
            newNegative: false,
          },
        ],
        dropped: [{ canonicalUrl: 'https://old.ru/', title: 'Старый отзыв', previousRank: 3 }],
      },
    ],
    shareOfVoice: { byQuery: [] },
  },
  negatives: {
    total: 22,
    rows: [
      {
        canonicalUrl: 'https://otzovik.example/1',
        url: 'https://otzovik.example/1',
        domain: 'otzovik.example',
        kind: 'page',
        title: 'Плохой отзыв',
        excerpt: 'Не рекомендую',
        item: { canonicalUrl: 'x', suggested: null, mark: { sentiment: 'negative' }, flags: { ...NO_FLAGS, mentionsClient: true } },
        months: ['2026-11'],
        lastSeen: 2,
      },
      {
        canonicalUrl: 'https://forum.example/t/1',
        url: 'https://forum.example/t/1',
        domain: 'forum.example',
        kind: 'forum-post',
        title: 'Тема',
        excerpt: 'Долго ждали',
        item: { canonicalUrl: 'y', suggested: { label: 'negative', score: -0.6 }, mark: null, flags: NO_FLAGS },
        months: ['2026-11'],
        lastSeen: 1,
      },
    ],
  },
  promotion: {
    promotion: {
      projectId: 'p',
      month: '2026-11',
      channels: [{ name: 'ВКонтакте', actual: { ...NO_FIGURES, spend: 160_000, clicks: 1_600 }, plan: NO_FIGURES }],
      updatedAt: 1,
    },
    budget: 150_000,
    months: ['2026-11'],
  },
  generatedAt: Date.UTC(2026, 11, 2),
} as unknown as ReportData;

describe('the report in Russian', () => {
  it('writes its words, counts, numbers and months as Russian does', () => {
    const text = textOf(show('ru', <ReportView data={REPORT} onPrint={() => undefined} />));
    expect(text).toContain('Акме: отчёт о репутации');
    expect(text).toContain('Индекс репутации: 71 из 100');
    expect(text).toContain('Позитив в выдаче');
    expect(text).toContain('42,5 %'); // the KPI, as Russian writes a share
    expect(text).toContain('▲ 2,5 п. п.');
    expect(text).toContain('1 500 (22)');
    expect(text).toContain('базовый месяц — сентябрь 2026 г.');
    // Plurals: 22 mentions, 5 places.
    expect(text).toContain('За ноябрь 2026 г. замечено 22 негативных упоминания; ниже — последние 2.');
    expect(text).toContain('выше на 5 позиций');
    expect(text).toContain('выбыл (раньше № 3)');
    // The sentiment word is the popup's, the badge the dashboard's.
    expect(text).toContain('отмечено: негатив · упоминает клиента');
    expect(text).toContain('предложено: негатив');
    expect(text).toContain('Расход 160 000 при месячном бюджете 150 000: бюджет превышен на 10 000.');
    expect([...root.querySelectorAll('.report-promotion thead th')].map((cell) => cell.textContent)).toContain('За клик');
    expect(root.querySelector('[data-testid="kpi-serp-positivity"] th')?.getAttribute('title')).toMatch(/^позитивные \//);
  });

  it('and in English as before', () => {
    const text = textOf(show('en', <ReportView data={REPORT} onPrint={() => undefined} />));
    expect(text).toContain('22 negative mentions seen in November 2026; the 2 seen last are listed.');
    expect(text).toContain('up 5 places');
    expect(text).toContain('dropped out (was 3)');
    expect(text).toContain('Reputation score: 71 of 100');
  });
});

describe('the promotion panel in Bulgarian', () => {
  it('names its figures and budget in Bulgarian, with the numbers as Bulgarian writes them', async () => {
    const data = { promotion: REPORT.promotion.promotion, budget: 150_000, months: ['2026-11'] } as PromotionData;
    const panel = show('bg', <PromotionPanel data={data} month="2026-11" thisMonth="2026-11" saving={false} onMonthChange={vi.fn()} onSave={vi.fn()} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(textOf(panel.querySelector('h2'))).toBe('Промотиране в социалните мрежи');
    expect(textOf(panel.querySelector('[data-testid="promotion-budget"]'))).toBe(
      'Бюджетът е превишен: Изразходвани 160 000 от бюджет 150 000 (106,7%), превишение с 10 000.',
    );
    expect(textOf(panel.querySelector('[data-testid="promotion-save"]'))).toBe('Запази ноември 2026 г.');
    expect(panel.querySelector('input[aria-label="ВКонтакте: разход, реално"]')).not.toBeNull();
    expect(textOf(panel.querySelector('[data-testid="promotion-total-spend"]'))).toBe('160 000');
  });
});
