import type { SentimentLabel } from '../../lib/sentiment/index.ts';

export const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** confusion[gold][predicted] */
export type Confusion = Record<SentimentLabel, Record<SentimentLabel, number>>;

export interface ClassificationFigures {
  count: number;
  accuracy: number;
  /** Averaged over the classes that occur in the gold labels (a binary file gives a 2-class F1). */
  macroF1: number;
  confusion: Confusion;
}

function emptyConfusion(): Confusion {
  const row = (): Record<SentimentLabel, number> => ({ negative: 0, neutral: 0, positive: 0 });
  return { negative: row(), neutral: row(), positive: row() };
}

export function classificationFigures(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): ClassificationFigures {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const confusion = emptyConfusion();
  let correct = 0;
  gold.forEach((label, index) => {
    const guess = predicted[index] as SentimentLabel;
    confusion[label][guess] += 1;
    if (guess === label) correct += 1;
  });
  const present = LABELS.filter((label) => LABELS.some((guess) => confusion[label][guess] > 0));
  const f1s = present.map((label) => {
    const truePositives = confusion[label][label];
    const goldCount = LABELS.reduce((sum, guess) => sum + confusion[label][guess], 0);
    const predictedCount = LABELS.reduce((sum, other) => sum + confusion[other][label], 0);
    return truePositives === 0 ? 0 : (2 * truePositives) / (goldCount + predictedCount);
  });
  return {
    count: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: f1s.length === 0 ? 0 : f1s.reduce((sum, value) => sum + value, 0) / f1s.length,
    confusion,
  };
}

/** Sign of the score as a two-way answer; an exact zero leans positive (the label that dominates review sites). */
export function forcedBinary(score: number): SentimentLabel {
  return score < 0 ? 'negative' : 'positive';
}
