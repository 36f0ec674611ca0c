import { z } from 'zod';
import { ClientFlagsSchema, LABEL_STATES, MonthSchema } from '../schema';

/** The answer of `drilldown.get`: the dashboard's top-20 per key query and engine, and share of voice. */

const RankChangeSchema = z.union([z.literal('new'), z.literal('same'), z.object({ moved: z.number().int() })]);

const DrilldownEntrySchema = z.object({
  rank: z.number().int(),
  canonicalUrl: z.string(),
  url: z.string(),
  /** Page text: rendered as text only. */
  title: z.string(),
  domain: z.string(),
  /** The label the result counts with now: the user's mark, else the suggestion. */
  label: z.enum(LABEL_STATES),
  flags: ClientFlagsSchema,
  change: RankChangeSchema,
  previousRank: z.number().int().nullable(),
  newNegative: z.boolean(),
});

const DrilldownListSchema = z.object({
  query: z.string(),
  engine: z.string(),
  /** False when the query was not seen on this engine the month before: every entry is then new. */
  previousObserved: z.boolean(),
  entries: z.array(DrilldownEntrySchema),
  dropped: z.array(z.object({ canonicalUrl: z.string(), title: z.string(), previousRank: z.number().int() })),
});

const share = z.number().min(0).max(1);

const SlotSharesSchema = z.object({
  competitors: share.nullable(),
  client: share.nullable(),
  byCompetitor: z.record(z.string(), share),
});

export const DrilldownSchema = z.object({
  month: MonthSchema,
  previousMonth: MonthSchema,
  /** Months with top-20 data, newest first (for the month selector). */
  months: z.array(MonthSchema),
  /** The key queries with top-20 data in the month, in order (for the query selector). */
  queries: z.array(z.string()),
  /** The query the lists are of; null when they are of every query, or when the month has none. */
  query: z.string().nullable(),
  lists: z.array(DrilldownListSchema),
  shareOfVoice: z.object({
    byQuery: z.array(
      z.object({
        query: z.string(),
        months: z.array(SlotSharesSchema.extend({ month: MonthSchema, byEngine: z.record(z.string(), SlotSharesSchema) })),
      }),
    ),
  }),
});
