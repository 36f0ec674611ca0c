import { createRequire } from 'node:module';
import Sentiment from 'sentiment';
import type { SentimentLabel, SentimentLanguage } from '../../lib/sentiment/index.ts';
import { seededShuffle } from '../support/prng.ts';

// multilang-sentiment ships no types; this is the part of its API the comparison uses.
type MultilangSentiment = (phrase: string, lang: string) => { score: number };
const multilangSentiment = createRequire(import.meta.url)('multilang-sentiment') as MultilangSentiment;

const afinnSentiment = new Sentiment();

export interface BaselineAnswer {
  label: SentimentLabel;
  score: number;
}

function labelOfScore(score: number): SentimentLabel {
  if (score > 0) return 'positive';
  if (score < 0) return 'negative';
  return 'neutral';
}

/** The packages the issue names as the bar: `sentiment` (AFINN) for English, `multilang-sentiment` for ru/bg. */
export function baselineSentiment(text: string, lang: SentimentLanguage): BaselineAnswer {
  const score = lang === 'en' ? afinnSentiment.analyze(text).score : multilangSentiment(text, lang).score;
  return { label: labelOfScore(score), score };
}

export function baselinePackageName(lang: SentimentLanguage): string {
  return lang === 'en' ? 'sentiment@5 (AFINN-165)' : 'multilang-sentiment@2';
}

/** The ru/bg baseline takes 50-100 ms a text, so it runs on a fixed-seed sample of each file. */
export function baselineIsSlow(lang: SentimentLanguage): boolean {
  return lang !== 'en';
}

/** Deterministic sample (a seeded shuffle of the indices) keeping the source order. */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (items.length <= size) return [...items];
  return seededShuffle(items.map((_, index) => index), seed)
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((index) => items[index] as T);
}
