import { describe, expect, it, vi } from 'vitest';
import { openFailure } from '@/lib/db/connection';
import type { UiLocale } from '@/lib/i18n';
import { failureText } from '@/lib/i18n/problems';
import { RemoteError } from '@/lib/messaging';
import { CONTENT_SCRIPT, testService } from '../support/service';
import { memoryTransfers } from '../support/transfers';

/** The background with the interface language set to `locale`, as the user's choice in storage would set it. */
async function serviceIn(locale: UiLocale) {
  const transfers = memoryTransfers();
  const service = await testService({ transfers, locale: async () => locale });
  return { ...service, transfers };
}

const page = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'acme clinic' };
const result = { rank: 1, url: 'https://reviews.example/acme', title: 'Acme', snippet: 'Acme Clinic', linkedUrls: [] };

describe('what the background says goes in the interface language', () => {
  it.each([
    ['ru', 'Резервная копия не импортирована. Это не корректный JSON: «}» в строке 2, столбце 16 здесь неуместен.'],
    ['bg', 'Резервното копие не е импортирано. Това не е валиден JSON: „}“ на ред 2, колона 16 не е на мястото си.'],
  ] as const)('%s: a broken backup file, with the exact place', async (locale, sentence) => {
    const { call, transfers } = await serviceIn(locale);
    const transferId = await transfers.put('{"format": "reputation-lens-backup",\n  "projects": [}', 'application/json');
    await expect(call('backup.import', { transferId })).rejects.toThrow(sentence);
  });

  it.each([
    ['ru', { 'targets.serpPositivity': 'Должно быть числом.', name: 'Должно быть не длиннее 100 символов.' }],
    ['bg', { 'targets.serpPositivity': 'Трябва да е число.', name: 'Трябва да е най-много 100 знака.' }],
  ] as const)('%s: a project form field, never zod’s own words', async (locale, fieldErrors) => {
    const { call } = await serviceIn(locale);
    const answer = await call('projects.save', { input: { name: 'x'.repeat(101), targets: { serpPositivity: null } } });
    expect(answer).toEqual({ saved: false, fieldErrors });
  });

  it.each([
    ['ru', 'В браузере не осталось места для данных Reputation Lens: освободите место на диске и попробуйте снова.'],
    ['bg', 'В браузъра няма място за данните на Reputation Lens: освободете място на диска и опитайте отново.'],
  ] as const)('%s: a full disk, when a mark is kept for later and when the database cannot open', async (locale, storageFull) => {
    const { call, repository } = await serviceIn(locale);
    const saved = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    expect(saved.saved).toBe(true);
    await call('page.observe', { page, items: [result] }, CONTENT_SCRIPT);
    vi.spyOn(repository.mentions, 'setMarkSeen').mockRejectedValue(new DOMException('The quota was exceeded.', 'QuotaExceededError'));
    const refusal = call('mark.set', { page, item: result, sentiment: 'negative', recommends: false }, CONTENT_SCRIPT);
    await expect(refusal).rejects.toThrow(storageFull);
    await expect(refusal).rejects.toThrow(locale === 'ru' ? /Отметка сохранена/ : /Отметката е запазена/);
    expect(failureText(openFailure(new DOMException('full', 'QuotaExceededError')), locale)).toBe(storageFull);
  });

  it('a failure whose words are not ours is framed in the language, not passed on bare', () => {
    expect(failureText(new TypeError('Failed to fetch'), 'bg')).toBe('Нещо се обърка: Failed to fetch');
    // The background's answer is already in the language: shown as it came.
    expect(failureText(new RemoteError('Първо създайте проект в таблото.'), 'bg')).toBe('Първо създайте проект в таблото.');
  });

  it('a request the protocol refuses is said in the language too', async () => {
    const { call } = await serviceIn('ru');
    await expect(call('kpi.get', { month: '2026-13' })).rejects.toThrow('Не удалось выполнить запрос. month: Должно быть месяцем в виде ГГГГ-ММ, например 2026-11.');
    await expect(call('projects.list', {}, CONTENT_SCRIPT)).rejects.toThrow('Запрос отклонён: его могут отправлять только собственные страницы расширения.');
  });
});
