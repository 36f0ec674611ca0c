import type { IDBPTransaction } from 'idb';
import { MAX_MENTION_PAGE, compareNewestFirst, mentionMatcher, type MentionFilter } from '../mentions/filter';
import type { Mention, Month } from '../schema';
import type { LensDatabase, LensDB } from './database';
import { scanProjectMentions } from './stores';

type SearchTransaction = IDBPTransaction<LensDB, ['mentions', 'snapshots'], 'readonly'>;

export interface MentionPage {
  /** The requested slice of the matches, newest sighting first. */
  mentions: Mention[];
  /** How many mentions match in all. */
  total: number;
}

/** The dashboard's mention list: a project's mentions filtered, sorted and cut into pages. */
export class MentionSearch {
  constructor(private readonly db: LensDatabase) {}

  async search(projectId: string, filter: MentionFilter, offset: number, limit: number): Promise<MentionPage> {
    const tx = this.db.transaction(['mentions', 'snapshots']);
    const engineUrls = filter.engine === undefined ? undefined : await urlsSeenOn(tx, projectId, filter.engine, filter.month);
    const matches = mentionMatcher(filter, engineUrls);
    // Only the sort keys of the matches stay in memory; the page's records are read again at the end.
    const found: Pick<Mention, 'canonicalUrl' | 'lastSeen'>[] = [];
    const keep = (mention: Mention) => {
      if (matches(mention)) found.push({ canonicalUrl: mention.canonicalUrl, lastSeen: mention.lastSeen });
    };
    if (filter.portal === undefined) {
      await scanProjectMentions(tx.objectStore('mentions'), projectId, (slice) => slice.forEach(keep));
    } else {
      (await tx.objectStore('mentions').index('byProjectDomain').getAll([projectId, filter.portal])).forEach(keep);
    }
    found.sort(compareNewestFirst);
    const store = tx.objectStore('mentions');
    const page = await Promise.all(
      found.slice(offset, offset + Math.min(limit, MAX_MENTION_PAGE)).map(({ canonicalUrl }) => store.get([projectId, canonicalUrl])),
    );
    return { mentions: page.filter((mention) => mention !== undefined), total: found.length };
  }
}

/** The canonical URLs the project's snapshots of one search engine hold, of one month when one is given. */
async function urlsSeenOn(tx: SearchTransaction, projectId: string, engine: string, month: Month | undefined): Promise<Set<string>> {
  const snapshots =
    month === undefined
      ? await tx.objectStore('snapshots').index('byProject').getAll(projectId)
      : await tx.objectStore('snapshots').index('byProjectMonth').getAll([projectId, month]);
  return new Set(snapshots.filter((snapshot) => snapshot.engine === engine).flatMap((snapshot) => snapshot.urls));
}
