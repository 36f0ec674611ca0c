import { squash, type Evidence } from './score.ts';
import type { SentimentLabel } from './types.ts';

// How far a suggestion can be trusted, from the evidence behind it; LOW_CONFIDENCE is in types.ts.

/**
 * A neutral label with no sentiment word behind it, in a text of SHORT_TEXT_WORDS or more: most texts without
 * opinion words are neutral, but a review in words the lexicon lacks is one of them too (about two in three such
 * suggestions were right on the dev corpus), so the absence of evidence is never strong evidence.
 */
const NEUTRAL_CONFIDENCE = 0.5;
/**
 * A neutral label on a text shorter than this many words loses confidence in proportion: a title or a fragment
 * says little. Short texts with an opinion word need no such discount (they were right more often than long ones).
 */
const SHORT_TEXT_WORDS = 4;
/**
 * Confidence of a rating that leans in full the way of the label with no word against it: a rating is the
 * strongest evidence a text carries.
 */
const RATING_CONFIDENCE = 0.9;

/**
 * In [0, 1]. A positive or negative label is as sure as its evidence is large (the total, squashed as the score
 * is) and one-sided (|praise - criticism| / total): a few agreeing strong words approach 1, praise cancelled by
 * criticism approaches 0. A neutral label is surest when a text of some length holds no opinion, and unsure when
 * it is a fragment or strong opinions cancel. A stated rating that leans the label's way sets a floor, since the
 * words of its snippet are often boilerplate; words against the label lower that floor.
 */
export function confidenceOf(label: SentimentLabel, evidence: Evidence): number {
  const { praise, criticism, words, ratingLean } = evidence;
  const total = praise + criticism;
  let fromWords: number;
  if (label === 'neutral') fromWords = NEUTRAL_CONFIDENCE * (1 - squash(total)) * Math.min(1, words / SHORT_TEXT_WORDS);
  else fromWords = total === 0 ? 0 : squash(total) * (Math.abs(praise - criticism) / total);
  const labelSign = label === 'positive' ? 1 : label === 'negative' ? -1 : 0;
  if (ratingLean === undefined || labelSign === 0 || Math.sign(ratingLean) !== labelSign) return fromWords;
  const against = label === 'positive' ? criticism : praise;
  return Math.max(fromWords, RATING_CONFIDENCE * Math.abs(ratingLean) * (1 - squash(against)));
}

/**
 * A learned model's certainty of its label, P(label) rescaled from [1/3, 1] (a three-way guess) to [0, 1]. When
 * the model agrees with the rules it is no surer than their evidence; when it overrules them, its certainty
 * comes from the user's marks and stands alone.
 */
export function learnedConfidence(probability: number, agreesWithRules: boolean, rulesConfidence: number): number {
  const certainty = Math.max(0, (probability - 1 / 3) * 1.5);
  return agreesWithRules ? Math.min(certainty, rulesConfidence) : certainty;
}
