import type { LabelState, Mark, Mention, Project, Suggestion } from '../schema';

/** How the project counts suggestions: those less sure than its threshold are shown but count as unlabeled. */
export type SuggestionCounting = Pick<Project, 'minSuggestionConfidence'>;

/** What a page or a list shows: every suggestion as it was made, whatever the project counts. */
const EVERY_SUGGESTION: SuggestionCounting = { minSuggestionConfidence: 0 };

/** Projects saved before the threshold existed have none: every suggestion counts there. */
export function minSuggestionConfidenceOf(counting: SuggestionCounting): number {
  return counting.minSuggestionConfidence ?? 0;
}

/** A suggestion without a confidence was made before confidences existed, and is read as sure. */
function suggestionCounts(suggested: Pick<Suggestion, 'confidence'>, counting: SuggestionCounting): boolean {
  return (suggested.confidence ?? 1) >= minSuggestionConfidenceOf(counting);
}

/** The one place that decides how a stored mention counts: the user's mark wins over the suggestion, whatever its confidence. */
export function labelStateOf(
  mention: { mark: Pick<Mark, 'sentiment'> | null; suggested: Pick<Suggestion, 'label' | 'confidence'> | null } | undefined,
  counting = EVERY_SUGGESTION,
): LabelState {
  if (mention?.mark?.sentiment) return `marked:${mention.mark.sentiment}`;
  if (mention?.suggested && suggestionCounts(mention.suggested, counting)) return `suggested:${mention.suggested.label}`;
  return 'unlabeled';
}

export type RecommendState = 'marked' | 'suggested' | 'none';

/** "Recommends" as a mark (toggled by the user) or as a suggestion the user has not overridden. */
export function recommendStateOf(mention: Pick<Mention, 'mark' | 'suggested'> | undefined, counting = EVERY_SUGGESTION): RecommendState {
  if (mention?.mark) return mention.mark.recommends ? 'marked' : 'none';
  const suggested = mention?.suggested;
  return suggested?.recommends && suggestionCounts(suggested, counting) ? 'suggested' : 'none';
}
