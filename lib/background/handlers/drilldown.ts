import { labelStateOf, type SuggestionCounting } from '../../kpi/label-state';
import {
  countsNegative,
  diffTopLists,
  labelStateBefore,
  shareOfVoice,
  topListsOf,
  type TopListEntryChange,
} from '../../kpi/top-lists';
import { hostnameOf } from '../../match/url';
import type { Handlers, ResponseOf } from '../../messaging';
import { monthBounds, monthOf, NO_CLIENT_FLAGS, previousMonth, type Mention, type Month } from '../../schema';
import type { SenderContext } from '../service';
import { projectIdOf, requireExtensionPage, type HandlerDeps } from './common';

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
    async 'drilldown.get'({ projectId, month: asked }, context) {
      requireExtensionPage(context);
      const id = await projectIdOf(repository, projectId);
      const months = id ? await repository.drilldown.monthsWithData(id) : [];
      const month = asked ?? months[0] ?? monthOf(now());
      const previous = previousMonth(month);
      if (!id) return { month, previousMonth: previous, months, lists: [], shareOfVoice: { byQuery: [] } };

      const { project, aggregates, mentions } = await repository.drilldown.read(id, month, SHARE_OF_VOICE_MONTHS);
      const slotsOf = (wanted: Month) => aggregates.find((aggregate) => aggregate.month === wanted)?.slots ?? {};
      const [monthStart, monthEnd] = monthBounds(month);
      // Each month by the labels it ended with: for the current month those are today's.
      const negativeBefore = (at: number) => (url: string) =>
        countsNegative(labelStateBefore(mentions.get(url), at, project), project.suggestionsCountInKpis);
      const lists = diffTopLists(topListsOf(slotsOf(month)), topListsOf(slotsOf(previous)), {
        now: negativeBefore(monthEnd),
        then: negativeBefore(monthStart),
      });
      return {
        month,
        previousMonth: previous,
        months,
        lists: lists.map((list) => ({
          ...list,
          entries: list.entries.map((entry) => entryView(entry, mentions.get(entry.canonicalUrl), project)),
          dropped: list.dropped.map((dropped) => ({ ...dropped, title: mentions.get(dropped.canonicalUrl)?.title ?? '' })),
        })),
        shareOfVoice: { byQuery: shareOfVoice(aggregates, project) },
      };
    },
  };
}
