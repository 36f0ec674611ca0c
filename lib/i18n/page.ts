import type { Catalogs } from '.';

/**
 * The tag rows' own words and the page's one notice without a project (the marks and badges are lib/i18n/marks.ts);
 * the content scripts carry this catalog.
 */
const en = {
  markedByYou: 'Marked by you',
  suggested: 'Suggested label',
  suggestedConfidence: 'Suggested label (confidence {percent}%)',
  suggestedLowConfidence: 'Suggested label (low confidence {percent}%)',
  suggestedNotCounted: 'Suggested label (low confidence {percent}%, below this project’s {threshold}%: not counted)',
  needsProjectHint: 'Create a project in the dashboard to mark results',
  noProjectNotice: 'Reputation Lens has no project yet: the labels on this page are only suggestions, and results can be marked once a project is set up.',
  setUpProject: 'Set up a project',
  hideOnThisSite: 'Hide tags on this site',
  saving: 'saving…',
  notSaved: 'Not saved: {reason}',
  noAnswer: 'the extension did not answer',
  forumGuess: 'No known forum engine recognised: found by the generic finder of repeated post-like blocks',
  forumRecognised: 'Forum engine recognised on this page',
  genericFinder: 'generic (a guess)',
  genericFinderShort: 'guess',
};

export type PageMessageKey = keyof typeof en;

export const PAGE_MESSAGES: Catalogs<PageMessageKey> = {
  en,
  ru: {
    markedByYou: 'Ваша отметка',
    suggested: 'Предложенная оценка',
    suggestedConfidence: 'Предложенная оценка (уверенность {percent}%)',
    suggestedLowConfidence: 'Предложенная оценка (низкая уверенность {percent}%)',
    suggestedNotCounted: 'Предложенная оценка (низкая уверенность {percent}%, ниже порога проекта {threshold}%: не учитывается)',
    needsProjectHint: 'Чтобы отмечать результаты, создайте проект в панели управления',
    noProjectNotice: 'У Reputation Lens пока нет проекта: оценки на этой странице — только предложения, а отмечать результаты можно после создания проекта.',
    setUpProject: 'Создать проект',
    hideOnThisSite: 'Скрыть разметку на этом сайте',
    saving: 'сохранение…',
    notSaved: 'Не сохранено: {reason}',
    noAnswer: 'расширение не ответило',
    forumGuess: 'Движок форума не распознан: сообщения найдены общим поиском повторяющихся блоков',
    forumRecognised: 'На этой странице распознан движок форума',
    genericFinder: 'общий поиск (догадка)',
    genericFinderShort: 'догадка',
  },
  bg: {
    markedByYou: 'Ваша отметка',
    suggested: 'Предложена оценка',
    suggestedConfidence: 'Предложена оценка (увереност {percent}%)',
    suggestedLowConfidence: 'Предложена оценка (ниска увереност {percent}%)',
    suggestedNotCounted: 'Предложена оценка (ниска увереност {percent}%, под прага на проекта {threshold}%: не се брои)',
    needsProjectHint: 'За да отбелязвате резултати, създайте проект в таблото',
    noProjectNotice: 'Reputation Lens още няма проект: оценките на тази страница са само предложения, а резултатите могат да се отбелязват, след като създадете проект.',
    setUpProject: 'Създайте проект',
    hideOnThisSite: 'Скрий етикетите на този сайт',
    saving: 'запазване…',
    notSaved: 'Не е запазено: {reason}',
    noAnswer: 'разширението не отговори',
    forumGuess: 'Не е разпознат форумен софтуер: мненията са намерени чрез общо търсене на повтарящи се блокове',
    forumRecognised: 'На тази страница е разпознат форумен софтуер',
    genericFinder: 'общо търсене (догадка)',
    genericFinderShort: 'догадка',
  },
};
