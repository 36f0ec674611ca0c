import type { Catalogs } from '.';

/**
 * The compact form of a tag row (a narrow result column): one glyph per mark and badge, the words staying their
 * accessible names and tooltips. The same in every language; a language may give letters of its own instead.
 */
const SHORT_FORMS = {
  shortPositive: '+',
  shortNeutral: '=',
  shortNegative: '−',
  shortIrrelevant: '∅',
  shortRecommends: '★',
  shortClientSite: '⌂',
  shortLinksToClient: '↗',
  shortMentionsClient: '@',
  shortCompetitor: '⚔',
};

/**
 * The words of marking, wherever a mark or a badge is shown: the tag rows, the popup's page tools, the dashboard
 * and the report. One catalog, so a label reads the same everywhere; small, as the content scripts carry it.
 */
const en = {
  markPositive: 'positive',
  markNeutral: 'neutral',
  markNegative: 'negative',
  markIrrelevant: 'irrelevant',
  markRecommends: 'recommends',
  hintPositive: 'Mark as positive (click again to clear)',
  hintNeutral: 'Mark as neutral (click again to clear)',
  hintNegative: 'Mark as negative (click again to clear)',
  hintIrrelevant: 'Not about the client: left out of the KPIs',
  hintRecommends: 'Recommends the client',
  badgeClientSite: 'client site',
  badgeLinksToClient: 'links to client',
  badgeMentionsClient: 'mentions client',
  badgeCompetitor: 'competitor',
  ...SHORT_FORMS,
};

export type MarkMessageKey = keyof typeof en;

export const MARK_MESSAGES: Catalogs<MarkMessageKey> = {
  en,
  ru: {
    markPositive: 'позитив',
    markNeutral: 'нейтрально',
    markNegative: 'негатив',
    markIrrelevant: 'не по теме',
    markRecommends: 'рекомендует',
    hintPositive: 'Отметить как позитив (повторный щелчок снимает отметку)',
    hintNeutral: 'Отметить как нейтральное (повторный щелчок снимает отметку)',
    hintNegative: 'Отметить как негатив (повторный щелчок снимает отметку)',
    hintIrrelevant: 'Не о клиенте: не учитывается в показателях',
    hintRecommends: 'Рекомендует клиента',
    badgeClientSite: 'сайт клиента',
    badgeLinksToClient: 'ссылается на клиента',
    badgeMentionsClient: 'упоминает клиента',
    badgeCompetitor: 'конкурент',
    ...SHORT_FORMS,
  },
  bg: {
    markPositive: 'позитивно',
    markNeutral: 'неутрално',
    markNegative: 'негативно',
    markIrrelevant: 'извън темата',
    markRecommends: 'препоръчва',
    hintPositive: 'Отбележи като позитивно (ново щракване премахва отметката)',
    hintNeutral: 'Отбележи като неутрално (ново щракване премахва отметката)',
    hintNegative: 'Отбележи като негативно (ново щракване премахва отметката)',
    hintIrrelevant: 'Не е за клиента: не се брои в показателите',
    hintRecommends: 'Препоръчва клиента',
    badgeClientSite: 'сайт на клиента',
    badgeLinksToClient: 'с връзка към клиента',
    badgeMentionsClient: 'споменава клиента',
    badgeCompetitor: 'конкурент',
    ...SHORT_FORMS,
  },
};

/** The word of each mark a user can set, by the mark's name (a sentiment, or the "recommends" toggle). */
export const MARK_WORDS: Record<'positive' | 'neutral' | 'negative' | 'irrelevant' | 'recommends', MarkMessageKey> = {
  positive: 'markPositive',
  neutral: 'markNeutral',
  negative: 'markNegative',
  irrelevant: 'markIrrelevant',
  recommends: 'markRecommends',
};
