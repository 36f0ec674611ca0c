import { labelStateOf, type SuggestionCounting } from '../../kpi/label-state';
import {
  countsNegative,
  diffTopLists,
  labelStateBefore,
  shareOfVoice,
  topListsOf,
  type TopList,
  type TopListEntryChange,
} from '../../kpi/top-lists';
import { hostnameOf } from '../../match/url';
import type { Handlers, ResponseOf } from '../../messaging';
import { monthBounds, monthOf, NO_CLIENT_FLAGS, previousMonth, type Mention, type Month } from '../../schema';
import type { SenderContext } from '../sender';
import { projectIdOf, type HandlerDeps } from './common';

type DrilldownHandlers = Pick<Handlers<SenderContext>, 'drilldown.get'>;
type DrilldownEntry = ResponseOf<'drilldown.get'>['lists'][number]['entries'][number];

/** A year of months: enough to see a trend in the monthly review, few enough for one table per query. */
const SHARE_OF_VOICE_MONTHS = 12;

function entryView(entry: TopListEntryChange, mention: Mention | undefined, counting: SuggestionCounting): DrilldownEntry {
  return {
    ...entry,
    url: mention?.url ?? entry.canonicalUrl,
    title: mention?.title ?? '',
    domain: mention?.domain ?? hostnameOf(entry.canonicalUrl) ?? '',
    label: labelStateOf(mention, counting),
    flags: mention?.flags ?? NO_CLIENT_FLAGS,
  };
}

/** The dashboard's top-20 drill-down and share of voice. */
export function drilldownHandlers({ repository, now }: HandlerDeps): DrilldownHandlers {
  return {
    async 'drilldown.get'({ projectId, month: askedMonth, query: askedQuery, everyQuery = false }) {
      const id = await projectIdOf(repository, projectId);
      const months = id ? await repository.drilldown.monthsWithData(id) : [];
      const month = askedMonth ?? months[0] ?? monthOf(now());
      const previous = previousMonth(month);
      const project = id ? await repository.projects.getProject(id) : undefined;
      if (!project) return { month, previousMonth: previous, months, queries: [], query: null, lists: [], shareOfVoice: { byQuery: [] } };

      const monthSlots = await repository.drilldown.monthSlots(project.id, month, SHARE_OF_VOICE_MONTHS);
      const listsOf = (wanted: Month) => topListsOf(monthSlots.find((slots) => slots.month === wanted)?.slots ?? {});
      const current = listsOf(month);
      const queries = [...new Set(current.map((list) => list.query))];
      // One query's lists at a time: each entry needs its mention, and 50 key queries on 4 engines over two
      // months name 8,000 URLs, which took seconds to read one by one.
      const query = everyQuery ? null : (queries.find((candidate) => candidate === askedQuery) ?? queries[0] ?? null);
      const shown = (list: TopList) => everyQuery || list.query === query;
      const [shownNow, shownBefore] = [current.filter(shown), listsOf(previous).filter(shown)];
      const urls = [...new Set([...shownNow, ...shownBefore].flatMap((list) => list.entries.map((entry) => entry.canonicalUrl)))];
      const found = await repository.mentions.getMentions(project.id, urls);
      const mentions = new Map(found.filter((mention) => mention !== undefined).map((mention) => [mention.canonicalUrl, mention]));
      const [monthStart, monthEnd] = monthBounds(month);
      // Each month by the labels it ended with: for the current month those are today's.
      const negativeBefore = (at: number) => (url: string) =>
        countsNegative(labelStateBefore(mentions.get(url), at, project), project.suggestionsCountInKpis);
      const lists = diffTopLists(shownNow, shownBefore, { now: negativeBefore(monthEnd), then: negativeBefore(monthStart) });
      return {
        month,
        previousMonth: previous,
        months,
        queries,
        query,
        lists: lists.map((list) => ({
          ...list,
          entries: list.entries.map((entry) => entryView(entry, mentions.get(entry.canonicalUrl), project)),
          dropped: list.dropped.map((dropped) => ({ ...dropped, title: mentions.get(dropped.canonicalUrl)?.title ?? '' })),
        })),
        shareOfVoice: { byQuery: shareOfVoice(monthSlots, project) },
      };
    },
  };
}
