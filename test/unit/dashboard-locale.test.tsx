// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { AuditedSitesPanel } from '@/components/AuditedSitesPanel';
import { HistoryPanel, type KpiHistory } from '@/components/HistoryPanel';
import { LocaleContext } from '@/components/Locale';
import { ProjectForm } from '@/components/ProjectForm';
import { translator } from '@/lib/i18n';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { ProjectSchema } from '@/lib/schema';
import { describeImport } from '@/entrypoints/options/backup';

// The dashboard's backup module keeps files in the Cache API, which happy-dom has not: describing an import needs none.
vi.hoisted(() => Object.assign(globalThis, { caches: {} }));

const project = ProjectSchema.parse({ id: 'p1', name: 'Акме', baselineMonth: '2026-09', createdAt: 0, updatedAt: 0 });

const kpi = (value: number | null, target: number) => ({
  key: 'serp-positivity',
  titleKey: 'kpiSerpPositivity',
  title: 'SERP positivity',
  formula: 'positive / labelled',
  unit: 'share' as const,
  direction: 'higher-is-better' as const,
  value,
  target,
  previous: null,
  counted: 1,
  confirmed: 1,
});

const history: KpiHistory = {
  projectId: 'p1',
  baselineMonth: '2026-09',
  months: [
    { month: '2026-09', score: 57, kpis: [kpi(0.4, 0.7)] },
    { month: '2026-10', score: 100, kpis: [kpi(0.725, 0.7)] },
  ],
};

const site = (itemsFound: number) => ({
  origin: `https://forum${itemsFound}.example.ru`,
  engine: 'generic',
  last: { url: 'https://forum.example.ru/t/1', itemsFound, blocksSeen: itemsFound, at: 1 },
});

function shown(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('the dashboard in Russian and Bulgarian', () => {
  it('shows history against plan, audited sites and the project form in the chosen language, with its plurals', () => {
    const ru = shown(
      <LocaleContext.Provider value="ru">
        <HistoryPanel history={history} project={project} saving={false} onSavePlan={() => undefined} />
        <AuditedSitesPanel sites={[site(1), site(3), site(12), site(21)]} onRevoke={() => undefined} />
      </LocaleContext.Provider>,
    );
    const text = ru.textContent ?? '';
    expect(text).toContain('Динамика относительно плана');
    expect(text).toContain('С базового месяца (сентябрь 2026 г.) по текущий.');
    expect(text).toContain('Индекс репутации');
    expect(text).toContain('Позитив в выдаче (%; цель 70)');
    expect(text).toContain('Сохранить план');
    const chart = ru.querySelector('[data-testid="trend-serp-positivity"]')!;
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toBe('Позитив в выдаче: сентябрь 2026 г. — октябрь 2026 г.; числа — в таблице ниже');
    const rows = [...chart.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['40\u00a0%', '70\u00a0%', '✗ нет'],
      ['72,5\u00a0%', '70\u00a0%', '✓ да'],
    ]);
    const posts = [...ru.querySelectorAll('[data-testid="audited-site-engine"]')].map((cell) => cell.textContent!.split(' · ')[0]);
    expect(posts).toEqual([
      'универсальный поиск (предположительно): 1 сообщение на последней странице',
      'универсальный поиск (предположительно): 3 сообщения на последней странице',
      'универсальный поиск (предположительно): 12 сообщений на последней странице',
      'универсальный поиск (предположительно): 21 сообщение на последней странице',
    ]);
    expect(ru.querySelector('[data-testid="revoke-site"]')?.getAttribute('title')).toBe('Прекратить разметку этого сайта и вернуть доступ к нему; отметки сохранятся');
    render(null, ru);

    const bg = shown(
      <LocaleContext.Provider value="bg">
        <ProjectForm project={project} errors={{}} saving={false} onSave={() => undefined} onCancel={() => undefined} />
      </LocaleContext.Provider>,
    );
    expect(bg.querySelector('h2')?.textContent).toBe('Редактиране на „Акме“');
    expect([...bg.querySelectorAll('label')].map((label) => label.textContent)).toContain('Ключови заявки');
    expect(bg.querySelector('[data-testid="project-save"]')?.textContent).toBe('Запази промените');
    render(null, bg);
  });

  it('writes the notices in the language: counts of what was deleted or imported', () => {
    const ru = translator(DASHBOARD_MESSAGES, 'ru');
    const cleared = (snapshots: number, mentions: number) =>
      ru('historyCleared', { snapshots: ru('searchSnapshots', { count: snapshots }), mentions: ru('unmarkedMentions', { count: mentions }), name: 'Акме' });
    expect(cleared(1, 2)).toBe('Удалено для «Акме»: 1 снимок выдачи и 2 неотмеченных упоминания.');
    expect(cleared(25, 21)).toBe('Удалено для «Акме»: 25 снимков выдачи и 21 неотмеченное упоминание.');
    const bg = translator(DASHBOARD_MESSAGES, 'bg');
    expect(bg('searchSnapshots', { count: 1 })).toBe('1 снимка на търсене');
    expect(bg('searchSnapshots', { count: 5 })).toBe('5 снимки на търсения');
    const none = { written: 0, kept: 0 };
    const counts = { projects: { written: 1, kept: 0 }, mentions: { written: 1500, kept: 2 }, snapshots: none, portals: none, promotion: none, frozenMonths: none };
    expect(describeImport(counts, ru)).toBe(
      `Импорт выполнен. проекты: записано 1, оставлено без изменений 0; упоминания: записано ${new Intl.NumberFormat('ru').format(1500)}, оставлено без изменений 2; снимки выдачи: записано 0, оставлено без изменений 0; порталы: записано 0, оставлено без изменений 0; продвижение: записано 0, оставлено без изменений 0; месяцы, сохранённые сверх срока хранения: записано 0, оставлено без изменений 0.`,
    );
    expect(describeImport(counts, translator(DASHBOARD_MESSAGES, 'en'))).toMatch(/^Imported\. projects: 1 written, 0 kept; mentions: 1,500 written, 2 kept/);
  });
});
