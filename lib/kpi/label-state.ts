import type { LabelState, Mention } from '../schema';

/** The one place that decides how a stored mention counts: the user's mark wins over the suggestion. */
export function labelStateOf(mention: Pick<Mention, 'mark' | 'suggested'> | undefined): LabelState {
  if (mention?.mark?.sentiment) return `marked:${mention.mark.sentiment}`;
  if (mention?.suggested) return `suggested:${mention.suggested.label}`;
  return 'unlabeled';
}

export type RecommendState = 'marked' | 'suggested' | 'none';

/** "Recommends" as a mark (toggled by the user) or as a suggestion the user has not overridden. */
export function recommendStateOf(mention: Pick<Mention, 'mark' | 'suggested'> | undefined): RecommendState {
  if (mention?.mark) return mention.mark.recommends ? 'marked' : 'none';
  return mention?.suggested?.recommends ? 'suggested' : 'none';
}
