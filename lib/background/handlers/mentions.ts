import { LocalizedError, problem } from '../../i18n/problems';
import type { Handlers } from '../../messaging';
import type { SenderContext } from '../sender';
import { mentionRowOf, projectIdOf, type HandlerDeps } from './common';

type MentionHandlers = Pick<Handlers<SenderContext>, 'mentions.search' | 'mentions.relabel'>;

/** The dashboard's mention list and its bulk relabel: the user's labels never go to a content script. */
export function mentionHandlers({ repository, hooks, now }: HandlerDeps): MentionHandlers {
  return {
    async 'mentions.search'({ projectId, filter, offset, limit }) {
      const id = await projectIdOf(repository, projectId);
      if (!id) return { rows: [], total: 0 };
      const { mentions, total } = await repository.mentionSearch.search(id, filter, offset, limit);
      return { rows: mentions.map(mentionRowOf), total };
    },

    async 'mentions.relabel'({ projectId, canonicalUrls, sentiment, recommends }) {
      const id = await projectIdOf(repository, projectId);
      if (!id) throw new LocalizedError(problem('needsProject'));
      const changed = await repository.mentions.relabel(id, canonicalUrls, { sentiment, recommends }, now());
      hooks.onDataChanged(id);
      return { changed };
    },
  };
}
