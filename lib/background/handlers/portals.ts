import { LocalizedError, problem } from '../../i18n/problems';
import { hasLinkToClient, lastActivityOf } from '../../kpi/portals';
import { labelStateOf, type SuggestionCounting } from '../../kpi/label-state';
import type { Handlers, PortalRow } from '../../messaging';
import type { LabelState, Mention, PortalRecord } from '../../schema';
import { draftPageMention, pageMentionKey, pageVisit } from '../drafts';
import type { SenderContext } from '../sender';
import { mentionRowOf, projectIdOf, stateOf, type HandlerDeps } from './common';

type PortalHandlers = Pick<
  Handlers<SenderContext>,
  'pageMention.set' | 'pageMention.get' | 'portals.list' | 'portals.update' | 'mentions.byPortal'
>;

const MAX_PORTAL_MENTIONS = 500;

/** A mention's tally in the portal table: the label it counts with, whether marked or suggested. */
const TALLY_OF: Record<LabelState, keyof PortalRow['byLabel']> = {
  'marked:positive': 'positive',
  'marked:neutral': 'neutral',
  'marked:negative': 'negative',
  'marked:irrelevant': 'irrelevant',
  'suggested:positive': 'positive',
  'suggested:neutral': 'neutral',
  'suggested:negative': 'negative',
  unlabeled: 'unmarked',
};

function portalRow(portal: PortalRecord, mentions: readonly Mention[], counting: SuggestionCounting): PortalRow {
  const byLabel = { positive: 0, neutral: 0, negative: 0, irrelevant: 0, unmarked: 0 };
  for (const mention of mentions) byLabel[TALLY_OF[labelStateOf(mention, counting)]] += 1;
  return {
    domain: portal.domain,
    kind: portal.kind,
    engine: portal.engine,
    threads: portal.threads.length,
    mentions: mentions.length,
    byLabel,
    hasLinkToClient: hasLinkToClient(portal),
    lastActivityAt: lastActivityOf(portal),
    popularity: portal.popularity,
    note: portal.note,
  };
}

/** Page mentions marked from the popup, and the dashboard's portal table. */
export function portalHandlers({ repository, hooks, now }: HandlerDeps): PortalHandlers {
  return {
    async 'pageMention.set'({ capture, sentiment, recommends }) {
      const project = await repository.projects.getActiveProject();
      if (!project) throw new LocalizedError(problem('needsProject'));
      const visit = pageVisit(capture, now());
      if (!visit) throw new LocalizedError(problem('onlyWebPages'));
      const learned = await repository.mentions.getLearnedModel(project.id);
      const draft = draftPageMention(capture, project, learned);
      const mention = await repository.mentions.markPage(project.id, draft, { sentiment, recommends }, visit);
      hooks.onDataChanged(project.id);
      return { projectId: project.id, item: stateOf(mention) };
    },

    async 'pageMention.get'({ url }) {
      const projectId = await repository.projects.getActiveProjectId();
      if (!projectId) return { item: null };
      const [mention] = await repository.mentions.getMentions(projectId, [pageMentionKey({ url, passage: null })]);
      return { item: mention?.kind === 'page' ? stateOf(mention) : null };
    },

    async 'portals.list'({ projectId }) {
      const id = await projectIdOf(repository, projectId);
      const project = id ? await repository.projects.getProject(id) : undefined;
      if (!project) return { portals: [] };
      const portals = await repository.portals.listPortals(project.id);
      const rows = await Promise.all(
        portals.map(async (portal) => portalRow(portal, await repository.mentions.mentionsOnDomain(project.id, portal.domain), project)),
      );
      return { portals: rows.sort((a, b) => (b.lastActivityAt ?? -Infinity) - (a.lastActivityAt ?? -Infinity)) };
    },

    async 'portals.update'({ projectId, domain, popularity, note }) {
      const id = await projectIdOf(repository, projectId);
      if (!id) throw new LocalizedError(problem('needsProject'));
      await repository.portals.annotate(id, domain, { popularity, note });
      hooks.onDataChanged(id);
      return {};
    },

    async 'mentions.byPortal'({ projectId, domain }) {
      const id = await projectIdOf(repository, projectId);
      if (!id) return { mentions: [] };
      const mentions = await repository.mentions.mentionsOnDomain(id, domain);
      return { mentions: mentions.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, MAX_PORTAL_MENTIONS).map(mentionRowOf) };
    },
  };
}
