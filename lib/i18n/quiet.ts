import type { Catalogs } from '.';

/**
 * Quiet mode's words, in the popup's controls and in the one notice a page gets without a project (the content
 * scripts carry this catalog too, so it holds nothing else).
 */
const en = {
  quietMode: 'Quiet mode',
  hideOnSite: 'Hide tags on {site}',
  hideEverywhere: 'Hide tags everywhere',
  quietHint: 'Hidden tags come back with your marks. Results are still read while tags are hidden, so the KPIs keep counting.',
  noProjectNotice: 'Reputation Lens has no project yet: the labels on this page are only suggestions, and results can be marked once a project is set up.',
  setUpProject: 'Set up a project',
  hideOnThisSite: 'Hide tags on this site',
};

export type QuietMessageKey = keyof typeof en;

export const QUIET_MESSAGES: Catalogs<QuietMessageKey> = {
  en,
  ru: {
    quietMode: 'Тихий режим',
    hideOnSite: 'Скрыть разметку на {site}',
    hideEverywhere: 'Скрыть разметку везде',
    quietHint: 'Скрытая разметка возвращается вместе с вашими отметками. Пока она скрыта, результаты по-прежнему читаются, и показатели продолжают считаться.',
    noProjectNotice: 'У Reputation Lens пока нет проекта: оценки на этой странице — только предложения, а отмечать результаты можно после создания проекта.',
    setUpProject: 'Создать проект',
    hideOnThisSite: 'Скрыть разметку на этом сайте',
  },
  bg: {
    quietMode: 'Тих режим',
    hideOnSite: 'Скрий етикетите на {site}',
    hideEverywhere: 'Скрий етикетите навсякъде',
    quietHint: 'Скритите етикети се връщат заедно с отметките ви. Докато са скрити, резултатите продължават да се четат и показателите продължават да се броят.',
    noProjectNotice: 'Reputation Lens още няма проект: оценките на тази страница са само предложения, а резултатите могат да се отбелязват, след като създадете проект.',
    setUpProject: 'Създайте проект',
    hideOnThisSite: 'Скрий етикетите на този сайт',
  },
};
