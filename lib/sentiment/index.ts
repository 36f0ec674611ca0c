import { languageOfTokens } from './language.ts';
import { learnedOpinion, termsOfTokens, type LearnedModel } from './learned.ts';
import { scoreTokens } from './score.ts';
import { tokenize } from './tokenize.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

export { detectLanguage } from './language.ts';
export {
  emptyLearnedModel,
  forgetMark,
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
  /** The project's model learned from the user's marks; blended in once it has enough of them. */
  learned?: LearnedModel;
}

/** |score| below this is neutral (VADER's threshold). */
const NEUTRAL_BAND = 0.05;

/**
 * Suggests a sentiment for an English, Russian or Bulgarian text: lexicons and rules (see score.ts), blended
 * with the project's learned model when one is given. Pure and synchronous; nothing is fetched.
 */
export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const tokenized = tokenize(text);
  const lang = options.lang ?? languageOfTokens(tokenized.tokens);
  let score = scoreTokens(tokenized, lang);
  if (options.learned !== undefined) {
    const opinion = learnedOpinion(options.learned, termsOfTokens(tokenized.tokens, lang));
    score = (1 - opinion.weight) * score + opinion.weight * opinion.score;
  }
  const label: SentimentLabel = score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  return { label, score, lang };
}
