// Sentiment throughput for the bench report, defined as in `npm run bench:sentiment`: short texts (at most
// SHORT_TEXT_MAX_CHARS characters) from the shared corpus, language detected per text, one core, steady state
// after a warm-up pass (steadyThroughput, which bench:sentiment uses too). Without the corpus a small set of our
// own short reviews in en/ru/bg stands in.
import { existsSync } from 'node:fs';
import { analyzeSentiment } from '../../lib/sentiment/index.ts';
import { SHORT_TEXT_MAX_CHARS, TEXTS_PER_SECOND_TARGET } from '../sentiment/bars.ts';
import { loadSentimentCorpus } from '../sentiment/corpus-data.ts';

export { TEXTS_PER_SECOND_TARGET };

const OWN_TEXTS = [
  'Friendly staff, spotless rooms, would book again.',
  'Terrible service, waited an hour and nobody apologised.',
  'The shop opens at nine and closes at six.',
  'Not bad at all, but the delivery was late.',
  'Отличный сервис, всем рекомендую!',
  'Ужасное обслуживание, больше не приду.',
  'Магазин работает с девяти до шести.',
  'Не самый плохой вариант, но дорого.',
  'Страхотно обслужване, препоръчвам!',
  'Много лошо отношение, няма да се върна.',
  'Магазинът работи от девет до шест.',
  'Не е зле, но доставката закъсня.',
];

export interface SentimentThroughput {
  textsPerSec: number;
  texts: number;
  source: 'corpus' | 'own sample';
}

/**
 * Steady-state texts per second over `texts` after a warm-up pass, the best of `rounds` one-second rounds: per
 * second of wall time, and per second of this process's CPU time (user + system, all threads), which other
 * processes on a shared machine cannot inflate. The best, because another process's burst only ever slows a round.
 */
export function steadyThroughput(texts: readonly string[], analyse: (text: string) => unknown, rounds: number): { wall: number; cpu: number } {
  for (const text of texts) analyse(text);
  const best = { wall: 0, cpu: 0 };
  for (let round = 0; round < rounds; round += 1) {
    let count = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    while (performance.now() - started < 1000) {
      for (const text of texts) analyse(text);
      count += texts.length;
    }
    const cpu = process.cpuUsage(cpuBefore);
    best.wall = Math.max(best.wall, count / ((performance.now() - started) / 1000));
    best.cpu = Math.max(best.cpu, count / ((cpu.user + cpu.system) / 1e6));
  }
  return best;
}

export function measureSentimentThroughput(sentimentDir: string, rounds: number): SentimentThroughput {
  const corpusTexts = existsSync(sentimentDir)
    ? loadSentimentCorpus(sentimentDir)
        .flatMap((file) => file.rows.map((row) => row.text))
        .filter((text) => text.length <= SHORT_TEXT_MAX_CHARS)
    : [];
  const texts = corpusTexts.length > 0 ? corpusTexts : OWN_TEXTS;
  return {
    textsPerSec: steadyThroughput(texts, analyzeSentiment, rounds).wall,
    texts: texts.length,
    source: corpusTexts.length > 0 ? 'corpus' : 'own sample',
  };
}
