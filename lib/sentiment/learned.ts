import { z } from 'zod';
import { languageOfTokens } from './language.ts';
import { lexiconFor } from './lexicon.ts';
import { STEMMERS } from './stem.ts';
import { tokenize, type Token } from './tokenize.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

// A per-project model learned from the user's own marks: binarised multinomial naive Bayes over stemmed words
// (each word counts once per text), with words after a negator marked as negated ("не тормозит" learns
// "!тормоз", not "тормоз"). It is plain JSON so the background can keep it in IndexedDB, and small: the
// vocabulary is capped and the rarest terms make room for new ones.

/** Above this many terms the rarest are dropped, so the stored model stays a few tens of kilobytes. */
export const MAX_LEARNED_TERMS = 3000;
/** Only the first distinct terms of a long text are learned or read. */
const MAX_TERMS_PER_TEXT = 300;
/** Below this many marks the model is not consulted at all. */
export const MIN_MARKS_TO_BLEND = 10;
/** The learned model's share grows with the marks behind it: marks / (marks + this), up to the cap below. */
const BLEND_HALF_WEIGHT_MARKS = 30;
const MAX_BLEND_WEIGHT = 0.8;
const LABEL_INDEX: Record<SentimentLabel, 0 | 1 | 2> = { negative: 0, neutral: 1, positive: 2 };
const NEGATED_MARK = '!';

const countsSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** Counts are [negative, neutral, positive]. */
export const LearnedModelSchema = z.object({
  version: z.literal(1),
  /** Marked texts per label. */
  marks: countsSchema,
  /** Term occurrences per label (each term once per text). */
  termTotals: countsSchema,
  /** Stemmed term -> texts per label that contain it. */
  terms: z.record(z.string(), countsSchema),
});

export type LearnedModel = z.infer<typeof LearnedModelSchema>;
type Counts = LearnedModel['marks'];

export function emptyLearnedModel(): LearnedModel {
  return { version: 1, marks: [0, 0, 0], termTotals: [0, 0, 0], terms: {} };
}

export function markCount(model: LearnedModel): number {
  return model.marks[0] + model.marks[1] + model.marks[2];
}

/** Distinct stemmed terms of tokenized text; function words (negators, intensifiers) are left out. */
export function termsOfTokens(tokens: readonly Token[], lang: SentimentLanguage): string[] {
  const terms = new Set<string>();
  let negatedFor = 0;
  for (const token of tokens) {
    if (token.kind !== 'word') {
      if (token.kind === 'break') negatedFor = 0;
      continue;
    }
    const wordLang: SentimentLanguage = token.script === 'latin' ? 'en' : token.script === 'cyrillic' && lang === 'en' ? 'ru' : lang;
    const info = lexiconFor(wordLang).infoOf(token.text);
    if (info.negator) {
      negatedFor = 3;
      continue;
    }
    if (info.boost !== 0 || token.script === 'other' || token.text.length < 2) continue;
    const stem = STEMMERS[wordLang](info.form);
    terms.add(negatedFor > 0 ? NEGATED_MARK + stem : stem);
    negatedFor = Math.max(0, negatedFor - 1);
    if (terms.size >= MAX_TERMS_PER_TEXT) break;
  }
  return [...terms];
}

function termsOfText(text: string, lang?: SentimentLanguage): string[] {
  const { tokens } = tokenize(text);
  return termsOfTokens(tokens, lang ?? languageOfTokens(tokens));
}

function withCount(counts: Counts, index: 0 | 1 | 2, delta: number): Counts {
  const next: Counts = [counts[0], counts[1], counts[2]];
  next[index] = Math.max(0, next[index] + delta);
  return next;
}

function pruned(terms: Record<string, Counts>): Record<string, Counts> {
  const entries = Object.entries(terms);
  if (entries.length <= MAX_LEARNED_TERMS) return terms;
  entries.sort(([, a], [, b]) => b[0] + b[1] + b[2] - (a[0] + a[1] + a[2]));
  return Object.fromEntries(entries.slice(0, MAX_LEARNED_TERMS));
}

function updated(model: LearnedModel, text: string, label: SentimentLabel, delta: 1 | -1, lang?: SentimentLanguage): LearnedModel {
  const index = LABEL_INDEX[label];
  if (delta < 0 && model.marks[index] === 0) return model;
  const terms: Record<string, Counts> = { ...model.terms };
  let counted = 0;
  for (const term of termsOfText(text, lang)) {
    const before = terms[term];
    if (before === undefined && delta < 0) continue;
    const after = withCount(before ?? [0, 0, 0], index, delta);
    if (after[0] + after[1] + after[2] === 0) delete terms[term];
    else terms[term] = after;
    counted += 1;
  }
  return {
    version: 1,
    marks: withCount(model.marks, index, delta),
    termTotals: withCount(model.termTotals, index, delta * counted),
    terms: delta > 0 ? pruned(terms) : terms,
  };
}

/** The model after the user marked `text` with `label`; the given model is left unchanged. */
export function learnFromMark(model: LearnedModel, text: string, label: SentimentLabel, lang?: SentimentLanguage): LearnedModel {
  return updated(model, text, label, 1, lang);
}

/**
 * The inverse of learnFromMark, for a mark the user changed or removed. Terms dropped by the vocabulary cap in
 * the meantime are simply absent, so forgetting is exact except for those.
 */
export function forgetMark(model: LearnedModel, text: string, label: SentimentLabel, lang?: SentimentLanguage): LearnedModel {
  return updated(model, text, label, -1, lang);
}

/**
 * The learned opinion on a text's terms, P(positive) - P(negative) under naive Bayes with add-one smoothing,
 * and the weight it deserves (0 until the model has enough marks, or when none of the terms is known).
 */
export function learnedOpinion(model: LearnedModel, terms: readonly string[]): { score: number; weight: number } {
  const marks = markCount(model);
  if (marks < MIN_MARKS_TO_BLEND) return { score: 0, weight: 0 };
  const vocabulary = Object.keys(model.terms).length + 1;
  const logPosterior = [0, 1, 2].map((label) => Math.log(((model.marks[label] ?? 0) + 1) / (marks + 3)));
  let known = 0;
  for (const term of terms) {
    const counts = model.terms[term];
    if (counts === undefined) continue;
    known += 1;
    for (let label = 0; label < 3; label += 1) {
      const likelihood = ((counts[label] ?? 0) + 1) / ((model.termTotals[label] ?? 0) + vocabulary);
      logPosterior[label] = (logPosterior[label] ?? 0) + Math.log(likelihood);
    }
  }
  if (known === 0) return { score: 0, weight: 0 };
  const top = Math.max(...logPosterior);
  const odds = logPosterior.map((value) => Math.exp(value - top));
  const total = odds.reduce((sum, value) => sum + value, 0);
  return {
    score: ((odds[2] ?? 0) - (odds[0] ?? 0)) / total,
    weight: Math.min(MAX_BLEND_WEIGHT, marks / (marks + BLEND_HALF_WEIGHT_MARKS)),
  };
}
