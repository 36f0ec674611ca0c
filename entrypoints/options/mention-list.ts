import { useEffect, useState } from 'preact/hooks';
import type { MentionResults } from '@/components/MentionsPanel';
import type { MentionFilter } from '@/lib/mentions/filter';
import { call } from '@/lib/ui/extension-client';

export const MENTIONS_PAGE_SIZE = 50;
/** Typing in the mention search waits this long for the next key before the background scans the mentions. */
const MENTION_SEARCH_DELAY_MS = 250;

export interface MentionQuery {
  filter: MentionFilter;
  offset: number;
}

/**
 * The dashboard's mention list: searched again when the query changes, when the project changes (from the
 * start) and at every refresh of the page (`revision`), so a mark made elsewhere shows.
 */
export function useMentionList(projectId: string | null, revision: number, /** Told what failed; the page says it in the interface language. */
  onError: (failure: unknown) => void) {
  const [query, setQuery] = useState<MentionQuery>({ filter: {}, offset: 0 });
  const [results, setResults] = useState<MentionResults | null>(null);
  useEffect(() => setQuery({ filter: {}, offset: 0 }), [projectId]);
  useEffect(() => {
    if (!projectId) {
      setResults(null);
      return;
    }
    let stale = false;
    const { filter, offset } = query;
    const timer = setTimeout(() => {
      call('mentions.search', { projectId, filter, offset, limit: MENTIONS_PAGE_SIZE })
        .then(({ rows, total }) => {
          if (stale) return;
          // A relabel can empty the last page of a filtered list: the new last page is shown instead.
          if (rows.length === 0 && offset > 0) {
            setQuery({ filter, offset: Math.floor(Math.max(total - 1, 0) / MENTIONS_PAGE_SIZE) * MENTIONS_PAGE_SIZE });
          } else {
            setResults({ rows, total, offset });
          }
        })
        .catch((failure: unknown) => {
          if (!stale) onError(failure);
        });
    }, MENTION_SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [projectId, query, revision]);
  return { query, setQuery, results };
}
