import { z } from 'zod';
import { problem } from '../i18n/problems';
import { MonthSchema, customIssue, type Month } from '../schema';

/**
 * A project's social-media promotion in one month (METHODOLOGY goal B): per channel, the figures the
 * platforms' own statistics gave and the figures planned for the month. Typed in, never observed.
 */

export const FIGURES = ['spend', 'impressions', 'clicks', 'joins', 'conversions', 'sales'] as const;
export type FigureKey = (typeof FIGURES)[number];

/** Far above any monthly spend or count, and low enough that sums over every channel stay exact. */
const MAX_FIGURE = 1e15;

// Refusals are said by the promotion form (components/PromotionPanel.tsx) from zod's issue codes.
const amount = z.number().min(0).max(MAX_FIGURE);
const count = amount.int();

/** null is "not entered", which is not zero: a cost per click over unknown clicks is unknown. */
export const FiguresSchema = z.object({
  spend: amount.nullable(),
  impressions: count.nullable(),
  clicks: count.nullable(),
  joins: count.nullable(),
  conversions: count.nullable(),
  sales: count.nullable(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const NO_FIGURES: Figures = { spend: null, impressions: null, clicks: null, joins: null, conversions: null, sales: null };

export const ChannelSchema = z.object({
  name: z.string().trim().min(1).max(100),
  actual: FiguresSchema,
  plan: FiguresSchema,
});
export type Channel = z.infer<typeof ChannelSchema>;

/** A month's channels; one name twice would split a channel's figures across two rows. */
export const ChannelsSchema = z
  .array(ChannelSchema)
  .max(50)
  .superRefine((channels, ctx) => {
    const seen = new Set<string>();
    channels.forEach((channel, index) => {
      const name = channel.name.toLocaleLowerCase();
      if (seen.has(name)) ctx.addIssue({ ...customIssue(problem('channelTwice', { name: channel.name })), path: [index, 'name'] });
      seen.add(name);
    });
  });

export const PromotionMonthSchema = z.object({
  projectId: z.string().min(1),
  month: MonthSchema,
  channels: ChannelsSchema,
  /** When the month was last saved; 0 for a month never saved. */
  updatedAt: z.number(),
});
export type PromotionMonth = z.infer<typeof PromotionMonthSchema>;

/** A month nothing was saved for yet, with the channels named (figures empty) so they need not be typed again. */
export function emptyPromotionMonth(projectId: string, month: Month, channelNames: readonly string[] = []): PromotionMonth {
  return { projectId, month, channels: channelNames.map((name) => ({ name, actual: NO_FIGURES, plan: NO_FIGURES })), updatedAt: 0 };
}
