// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '@/components/Locale';
import { PopupView, type PopupData } from '@/components/PopupView';
import { placeholdersOf, storedUiLocale, translator, uiLocaleOf, UI_LOCALES, type Catalogs, type Message } from '@/lib/i18n';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { ERROR_MESSAGES } from '@/lib/i18n/errors';
import { KPI_MESSAGES } from '@/lib/i18n/kpi';
import { MARK_MESSAGES } from '@/lib/i18n/marks';
import { MENU_MESSAGES } from '@/lib/i18n/menu';
import { NUMBER_MESSAGES } from '@/lib/i18n/numbers';
import { PAGE_MESSAGES } from '@/lib/i18n/page';
import { PANELS_MESSAGES } from '@/lib/i18n/panels';
import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import { QUIET_MESSAGES } from '@/lib/i18n/quiet';
import { REPORT_MESSAGES } from '@/lib/i18n/report';

const CATALOGS: Record<string, Catalogs<string>> = {
  kpi: KPI_MESSAGES,
  popup: POPUP_MESSAGES,
  dashboard: DASHBOARD_MESSAGES,
  panels: PANELS_MESSAGES,
  report: REPORT_MESSAGES,
  numbers: NUMBER_MESSAGES,
  marks: MARK_MESSAGES,
  quiet: QUIET_MESSAGES,
  page: PAGE_MESSAGES,
  menu: MENU_MESSAGES,
  errors: ERROR_MESSAGES,
};

/** The plural categories a language uses for whole numbers (a count of results is one). */
function integerCategories(locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  return [...new Set(Array.from({ length: 200 }, (_, count) => rules.select(count)))].sort();
}

describe('catalogs', () => {
  for (const [name, catalogs] of Object.entries(CATALOGS)) {
    it(`${name}: every key in every language, with the same placeholders and the language's plural forms`, () => {
      const keys = Object.keys(catalogs.en).sort();
      for (const locale of UI_LOCALES) {
        expect(Object.keys(catalogs[locale]).sort(), locale).toEqual(keys);
        for (const key of keys) {
          const message: Message = catalogs[locale][key]!;
          expect(placeholdersOf(message), `${locale} ${key}`).toEqual(placeholdersOf(catalogs.en[key]!));
          if (typeof message === 'string') {
            expect(message.trim(), `${locale} ${key}`).not.toBe('');
            continue;
          }
          expect(Object.keys(message).sort(), `${locale} ${key}`).toEqual(expect.arrayContaining(integerCategories(locale)));
        }
      }
    });
  }
});

describe('plural forms are each language’s own', () => {
  const results = (locale: 'en' | 'ru' | 'bg') => (count: number) => translator(POPUP_MESSAGES, locale)('markedCount', { count });

  it('Russian: one, few, many', () => {
    const ru = results('ru');
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 1001].map(ru)).toEqual([
      '1 отмеченный результат',
      '2 отмеченных результата',
      '5 отмеченных результатов',
      '11 отмеченных результатов',
      '12 отмеченных результатов',
      '21 отмеченный результат',
      '22 отмеченных результата',
      '25 отмеченных результатов',
      '111 отмеченных результатов',
      `${new Intl.NumberFormat('ru').format(1001)} отмеченный результат`,
    ]);
  });

  it('Bulgarian and English: one and other, numbers grouped as each writes them', () => {
    expect([1, 2, 5, 21].map(results('bg'))).toEqual(['1 отбелязан резултат', '2 отбелязани резултата', '5 отбелязани резултата', '21 отбелязани резултата']);
    expect([1, 2, 1500].map(results('en'))).toEqual(['1 marked result', '2 marked results', '1,500 marked results']);
  });
});

describe('numbers in messages', () => {
  const catalogs: Catalogs<'share'> = { en: { share: '{value}%' }, ru: { share: '{value}%' }, bg: { share: '{value}%' } };

  it('are written as Intl writes them for the language, small whole numbers included', () => {
    for (const locale of UI_LOCALES) {
      const say = translator(catalogs, locale);
      for (const value of [0, 7, 85, 100, 999, 1000, 12_345, 1_234_567, -3, 2.5]) {
        expect(say('share', { value }), `${locale} ${value}`).toBe(`${new Intl.NumberFormat(locale).format(value)}%`);
      }
    }
  });

  it('need no Intl object when they are small whole numbers: a tag row makes none', () => {
    const made = vi.spyOn(Intl, 'NumberFormat');
    const plurals = vi.spyOn(Intl, 'PluralRules');
    const say = translator(catalogs, 'ru');
    expect(say('share', { value: 85 })).toBe('85%');
    expect(made).not.toHaveBeenCalled();
    expect(plurals).not.toHaveBeenCalled();
    made.mockRestore();
    plurals.mockRestore();
  });
});

describe('the interface language', () => {
  it('is the one chosen, else the first of the browser’s languages there is one for, else English', () => {
    expect(uiLocaleOf('bg', ['ru-RU'])).toBe('bg');
    expect(uiLocaleOf('auto', ['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(uiLocaleOf(undefined, ['bg'])).toBe('bg');
    expect(uiLocaleOf('xx', ['de-DE'])).toBe('en');
  });

  it('is read from the stored choice, and an unreadable storage counts as none', async () => {
    const storage = (stored: Record<string, unknown>) => ({ get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}) });
    expect(await storedUiLocale(storage({ uiLocale: 'bg' }), ['ru'])).toBe('bg');
    expect(await storedUiLocale(storage({ uiLocale: 'auto' }), ['ru-RU'])).toBe('ru');
    expect(await storedUiLocale({ get: () => Promise.reject(new Error('gone')) }, ['bg'])).toBe('bg');
  });

  it('shows the popup in Russian: words, plurals, percentages and the month', () => {
    const root = document.createElement('div');
    const kpi = { key: 'serp-positivity', titleKey: 'kpiSerpPositivity', title: 'SERP positivity', formula: 'f', unit: 'share' as const, direction: 'higher-is-better' as const };
    const data: PopupData = {
      projects: [{ id: 'p', name: 'Акме', keyQueries: ['акме'], clientDomains: ['acme.ru'] }] as unknown as PopupData['projects'],
      activeProjectId: 'p',
      tabPage: null,
      report: {
        month: '2026-11',
        score: 71,
        markedCount: 22,
        recent: [],
        kpis: [{ ...kpi, value: 0.425, target: 0.7, previous: 0.4, counted: 40, confirmed: 22 }],
      } as unknown as PopupData['report'],
    };
    render(
      <LocaleContext.Provider value="ru">
        <PopupView data={data} error={null} onSelectProject={() => undefined} onOpenDashboard={() => undefined} onAddKeyQuery={() => undefined} />
      </LocaleContext.Provider>,
      root,
    );
    const text = root.textContent ?? '';
    expect(text).toContain('22 отмеченных результата');
    expect(text).toContain('Позитив в выдаче');
    expect(text).toContain('42,5\u00a0%');
    expect(text).toContain('▲ 2,5 п. п. к прошлому месяцу');
    expect(text).toContain('ноябрь 2026');
    expect(text).toContain('цель не достигнута');
    render(null, root);
  });
});

/** Every component: its text comes from a catalog, never written inline in its markup (JSX text, or the title, aria-label and placeholder attributes). */
const COMPONENTS = readdirSync(path.resolve(__dirname, '../../components'))
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => file.replace(/\.tsx$/, ''));

describe('no inline interface text', () => {
  it.each(COMPONENTS)('%s', (name) => {
    const source = readFileSync(path.resolve(__dirname, `../../components/${name}.tsx`), 'utf8');
    // Text between a tag's end and the next tag; an arrow (=>), a statement (;) or a parameter list between
    // them is code (generic types), not markup.
    const inlineText = [...source.matchAll(/(?<![=-])>\s*([^<>{}\s][^<>{}]*\p{L}[^<>{}]*)</gu)]
      .map((match) => match[1]!.trim())
      .filter((text) => !/;|=>|&&|\|\||^[(),]/.test(text));
    const inlineAttributes = [...source.matchAll(/\b(title|aria-label|placeholder)="[^"]*\p{L}[^"]*"/gu)].map((match) => match[0]);
    expect([...inlineText, ...inlineAttributes]).toEqual(name === 'PopupView' ? ['Reputation Lens'] : []);
  });
});

/**
 * Text the user may read, written outside the catalogs: an error thrown with English words, or a zod check given
 * an English message (what zod says is never shown: lib/i18n/problems.ts says it from the issue's code). Found by
 * their shape in the source; the failures listed here are programmers' invariants no user action can reach.
 */
const INTERNAL_FAILURES: Record<string, string> = {
  'lib/mentions/filter.ts': 'a caller that filters by engine passes the engine’s URLs (the mention search does)',
  'lib/sentiment/lexicons/profile.ts': 'checks of the bundled lexicon files, made by the tests and the benchmark',
  'lib/backup/format.ts': 'the backup writer is fed its sections in order by the export, never by a file',
};

function sourceFilesUnder(dir: string): string[] {
  const root = path.resolve(__dirname, '../..');
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('lib/i18n/'));
}

describe('no English sentence for the user outside the catalogs', () => {
  const files = [...sourceFilesUnder('lib'), ...sourceFilesUnder('entrypoints')];
  const root = path.resolve(__dirname, '../..');

  it('no error is thrown with words of its own (a LocalizedError names a catalog message)', () => {
    const found = files.flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      // `new Error('…')`, `new RemoteError(`…`)`: a literal with a word of letters in it.
      return [...source.matchAll(/new (\w*Error)\(\s*(['"`])([^'"`]*\p{L}{2}[^'"`]*)\2/gu)]
        .filter(() => !(file in INTERNAL_FAILURES))
        .filter((match) => match[1] !== 'NoAnswerError')
        .map((match) => `${file}: ${match[0]}`);
    });
    expect(found).toEqual([]);
  });

  it('no zod check carries a message of its own', () => {
    const found = files.flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      const checkMessages = [...source.matchAll(/\.(?:min|max|int|regex|refine|length|nonnegative|positive|gte|lte)\([^()]*(?:\([^()]*\)[^()]*)*,\s*(['"`])[^'"`]*\p{L}{2}/gu)];
      const issueMessages = [...source.matchAll(/addIssue\(\{[^}]*message:\s*['"`]/gu)];
      const typeMessages = [...source.matchAll(/z\.\w+\(\{\s*(?:error|message):\s*['"`]/gu)];
      return [...checkMessages, ...issueMessages, ...typeMessages].map((match) => `${file}: ${match[0]}`);
    });
    expect(found).toEqual([]);
  });

  it('would find them', () => {
    const thrown = /new (\w*Error)\(\s*(['"`])([^'"`]*\p{L}{2}[^'"`]*)\2/u;
    expect(thrown.test("throw new Error('No project yet')")).toBe(true);
    expect(thrown.test('throw new LocalizedError(problem(\'needsProject\'))')).toBe(false);
    const check = /\.(?:min|max|int|regex|refine|length|nonnegative|positive|gte|lte)\([^()]*(?:\([^()]*\)[^()]*)*,\s*(['"`])[^'"`]*\p{L}{2}/u;
    expect(check.test("z.string().max(100, 'Name is at most 100 characters')")).toBe(true);
    expect(check.test("z.string().regex(/^\\d{4}$/, 'a month as YYYY-MM')")).toBe(true);
    expect(check.test('z.string().max(100)')).toBe(false);
  });
});
