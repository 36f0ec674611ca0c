import { useMemo } from 'preact/hooks';
import { MARK_MESSAGES, MARK_WORDS, type MarkMessageKey } from '@/lib/i18n/marks';
import { PANELS_MESSAGES } from '@/lib/i18n/panels';
import type { ClientFlags, LabelState, MarkSentiment } from '@/lib/schema';
import { useMessages } from './Locale';

const BADGE_WORD: Record<keyof ClientFlags, MarkMessageKey> = {
  clientSite: 'badgeClientSite',
  linksToClient: 'badgeLinksToClient',
  mentionsClient: 'badgeMentionsClient',
  competitor: 'badgeCompetitor',
};

export interface LabelWords {
  /** "positive", "позитив". */
  sentiment: (sentiment: MarkSentiment) => string;
  recommends: string;
  /** A client badge: "client site", "сайт клиента". */
  badge: (flag: keyof ClientFlags) => string;
  /** "negative (your mark)", "позитив (предложено)", "no label". */
  label: (state: LabelState) => string;
}

/** How a mention's label, recommendation and badges read in the screen's language. */
export function useLabelWords(): LabelWords {
  const mark = useMessages(MARK_MESSAGES);
  const t = useMessages(PANELS_MESSAGES);
  return useMemo(() => {
    // The words of marking are one catalog's, so a label reads the same wherever it is shown.
    const sentiment = (value: MarkSentiment) => mark(MARK_WORDS[value]);
    return {
      sentiment,
      recommends: mark('markRecommends'),
      badge: (flag) => mark(BADGE_WORD[flag]),
      label: (state) => {
        if (state === 'unlabeled') return t('labelNone');
        const [source, value] = state.split(':') as ['marked' | 'suggested', MarkSentiment];
        return t(source === 'marked' ? 'labelYourMark' : 'labelSuggested', { label: sentiment(value) });
      },
    };
  }, [mark, t]);
}
