import { confidenceOf, learnedConfidence } from './confidence.ts';
import { learnedLabel, learnedProbabilities, markCount, termsOfTokens, type LearnedModel } from './learned.ts';
import { analyzedPart } from './analyzed-part.ts';
import { labelOfScore, readText } from './score.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

export { analyzedPart, MAX_ANALYZED_LENGTH, MAX_WORD_LENGTH } from './analyzed-part.ts';
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
export { LOW_CONFIDENCE, SENTIMENT_LANGUAGES, type SentimentLabel, type SentimentLanguage } from './types.ts';

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]; its sign leans even when the label is neutral. */
  score: number;
  lang: SentimentLanguage;
  /** How far the label can be trusted, in [0, 1] (confidence.ts); below LOW_CONFIDENCE it is shown as uncertain. */
  confidence: number;
}

export interface SentimentOptions {
  /** The text's language when known; detected from the text otherwise. */
  lang?: SentimentLanguage;
  /** The project's model learned from the user's marks; it decides once it has learned from at least one. */
  learned?: LearnedModel;
}


/**
 * Suggests a sentiment for an English, Russian or Bulgarian text: lexicons, rules and a stated rating (see
 * score.ts), corrected by the project's learned model when one is given (see learned.ts). Pure and synchronous;
 * nothing is fetched. Only the start of a long text is read (analyzedPart), so its cost stays bounded whatever a page writes.
 */
export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const { lang, tokens, score: lexiconScore, evidence } = readText(analyzedPart(text), options.lang);
  const lexiconLabel = labelOfScore(lexiconScore);
  const rulesConfidence = confidenceOf(lexiconLabel, evidence);
  const learned = options.learned;
  if (learned === undefined || markCount(learned) === 0) {
    return { label: lexiconLabel, score: lexiconScore, lang, confidence: rulesConfidence };
  }
  const probabilities = learnedProbabilities(learned, { lexiconScore, terms: termsOfTokens(tokens, lang) });
  const [negative, , positive] = probabilities;
  const label = learnedLabel(probabilities);
  const confidence = learnedConfidence(Math.max(...probabilities), label === lexiconLabel, rulesConfidence);
  return { label, score: positive - negative, lang, confidence };
}
