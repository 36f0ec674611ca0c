import { languageOfTokens } from './language.ts';
import { learnedLabel, learnedProbabilities, markCount, termsOfTokens, type LearnedModel } from './learned.ts';
import { labelOfScore, scoreTokens } from './score.ts';
import { tokenize } from './tokenize.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

export { detectLanguage } from './language.ts';
export {
  emptyLearnedModel,
  forgetMark,
  learnedModelOf,
  learnFromMark,
  LearnedModelSchema,
  markCount,
  type LearnedModel,
} from './learned.ts';
export { SENTIMENT_LANGUAGES, type SentimentLabel, type SentimentLanguage } from './types.ts';

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]; its sign leans even when the label is neutral. */
  score: number;
  lang: SentimentLanguage;
}

export interface SentimentOptions {
  /** The text's language when known; detected from the text otherwise. */
  lang?: SentimentLanguage;
  /** The project's model learned from the user's marks; it decides once it has learned from at least one. */
  learned?: LearnedModel;
}

/**
 * Suggests a sentiment for an English, Russian or Bulgarian text: lexicons and rules (see score.ts), corrected
 * by the project's learned model when one is given (see learned.ts). Pure and synchronous; nothing is fetched.
 */
export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const tokenized = tokenize(text);
  const lang = options.lang ?? languageOfTokens(tokenized.tokens);
  const lexiconScore = scoreTokens(tokenized, lang);
  const learned = options.learned;
  if (learned === undefined || markCount(learned) === 0) return { label: labelOfScore(lexiconScore), score: lexiconScore, lang };
  const probabilities = learnedProbabilities(learned, { lexiconScore, terms: termsOfTokens(tokenized.tokens, lang) });
  const [negative, , positive] = probabilities;
  return { label: learnedLabel(probabilities), score: positive - negative, lang };
}
