import { languageOfTokens } from './language.ts';
import { scoreTokens } from './score.ts';
import { tokenize } from './tokenize.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

export { detectLanguage } from './language.ts';
export type { SentimentLabel, SentimentLanguage } from './types.ts';

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]; its sign leans even when the label is neutral. */
  score: number;
  lang: SentimentLanguage;
}

export interface SentimentOptions {
  lang?: SentimentLanguage;
}

/** |score| below this is neutral (VADER's threshold). */
const NEUTRAL_BAND = 0.05;

export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const tokenized = tokenize(text);
  const lang = options.lang ?? languageOfTokens(tokenized.tokens);
  const { compound } = scoreTokens(tokenized, lang);
  const label: SentimentLabel = compound >= NEUTRAL_BAND ? 'positive' : compound <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  return { label, score: compound, lang };
}
