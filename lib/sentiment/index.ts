import { confidenceOf, learnedConfidence } from './confidence.ts';
import { learnedLabel, learnedProbabilities, markCount, termsOfTokens, type LearnedModel } from './learned.ts';
import { labelOfScore, readText } from './score.ts';
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

/** How much of a text is read: a verdict is rarely further in than this, and the rules' cost grows with the length. */
export const MAX_ANALYZED_LENGTH = 2000;
/**
 * Runs of letters longer than this are skipped: no English, Russian or Bulgarian word is this long, and the rules'
 * cost grows fast with a word's length (20 results, each with one 20,000-letter "word", kept a worker busy for seconds).
 */
export const MAX_WORD_LENGTH = 40;
const OVERLONG_WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}'’]{${MAX_WORD_LENGTH + 1},}`, 'gu');

/** The part of a text the rules read: its first MAX_ANALYZED_LENGTH characters, overlong words left out. */
export function analyzedPart(text: string): string {
  return text.slice(0, MAX_ANALYZED_LENGTH).replace(OVERLONG_WORD, ' ');
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
