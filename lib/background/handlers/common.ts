import type { ItemState, MentionRow } from '../../messaging';
import type { Mention } from '../../schema';
import type { LensRepository } from '../../db/repository';
import type { ServiceHooks } from '../service';

/** What every group of handlers works with. */
export interface HandlerDeps {
  repository: LensRepository;
  hooks: ServiceHooks;
  now: () => number;
}

export function stateOf(mention: Pick<Mention, 'canonicalUrl' | 'suggested' | 'mark' | 'flags'>): ItemState {
  return { canonicalUrl: mention.canonicalUrl, suggested: mention.suggested, mark: mention.mark, flags: mention.flags };
}

/** A stored mention as the dashboard's mention lists show it. */
export function mentionRowOf(mention: Mention): MentionRow {
  return {
    canonicalUrl: mention.canonicalUrl,
    url: mention.url,
    domain: mention.domain,
    kind: mention.kind,
    title: mention.title,
    excerpt: mention.excerpt,
    item: stateOf(mention),
    months: mention.months,
    lastSeen: mention.lastSeen,
  };
}

/** The project a request names, else the active one. */
export async function projectIdOf(repository: LensRepository, projectId: string | undefined): Promise<string | null> {
  return projectId ?? (await repository.projects.getActiveProjectId());
}
