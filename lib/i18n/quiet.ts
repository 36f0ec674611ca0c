import type { Catalogs } from '.';

/** Quiet mode's switches in the popup (the notice a page gets without a project speaks from lib/i18n/page.ts). */
const en = {
  quietMode: 'Quiet mode',
  hideOnSite: 'Hide tags on {site}',
  hideEverywhere: 'Hide tags everywhere',
  quietHint: 'Hidden tags come back with your marks. Results are still read while tags are hidden, so the KPIs keep counting.',
};

export type QuietMessageKey = keyof typeof en;

export const QUIET_MESSAGES: Catalogs<QuietMessageKey> = {
  en,
  ru: {
    quietMode: 'Тихий режим',
    hideOnSite: 'Скрыть разметку на {site}',
    hideEverywhere: 'Скрыть разметку везде',
    quietHint: 'Скрытая разметка возвращается вместе с вашими отметками. Пока она скрыта, результаты по-прежнему читаются, и показатели продолжают считаться.',
  },
  bg: {
    quietMode: 'Тих режим',
    hideOnSite: 'Скрий етикетите на {site}',
    hideEverywhere: 'Скрий етикетите навсякъде',
    quietHint: 'Скритите етикети се връщат заедно с отметките ви. Докато са скрити, резултатите продължават да се четат и показателите продължават да се броят.',
  },
};
