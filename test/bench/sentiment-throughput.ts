// Sentiment throughput for the bench report, defined as in `npm run bench:sentiment`: short texts (at most
// SHORT_TEXT_MAX_CHARS characters) from the shared corpus, language detected per text, one core, steady state
// after a warm-up pass. Without the corpus a small set of our own short reviews in en/ru/bg stands in.
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

export function measureSentimentThroughput(sentimentDir: string, seconds: number): SentimentThroughput {
  const corpusTexts = existsSync(sentimentDir)
    ? loadSentimentCorpus(sentimentDir)
        .flatMap((file) => file.rows.map((row) => row.text))
        .filter((text) => text.length <= SHORT_TEXT_MAX_CHARS)
    : [];
  const texts = corpusTexts.length > 0 ? corpusTexts : OWN_TEXTS;
  for (const text of texts) analyzeSentiment(text);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const text of texts) analyzeSentiment(text);
    count += texts.length;
  }
  return {
    textsPerSec: count / ((performance.now() - started) / 1000),
    texts: texts.length,
    source: corpusTexts.length > 0 ? 'corpus' : 'own sample',
  };
}
