import { z } from 'zod';
import { analyzedPart } from './analyzed-part.ts';
import { lexiconFor } from './lexicon.ts';
import { STEMMERS } from './stem.ts';
import { NEUTRAL_BAND, readText } from './score.ts';
import type { Token } from './tokenize.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

// A per-project model learned from the user's own marks: a multinomial logistic regression that starts as the
// lexicon's own decision and learns corrections, one stochastic-gradient step per mark. Its inputs are the
// lexicon score (so it can learn where this user draws the line between neutral and opinion) and the text's
// stemmed words, with words after a negator kept apart ("не тормозит" learns "!тормоз", not "тормоз"). An empty
// model answers exactly as the lexicon does, and every mark moves it only as far as that mark's error, so a
// handful of marks cannot overturn the lexicon (a naive Bayes blended in by weight did: measured on the corpus it
// lost 10-20 points in the first hundreds of marks). It is plain JSON, so the background keeps it in IndexedDB.

/**
 * The model keeps this many terms, those with the largest weights: once it grows PRUNE_SLACK past them, the
 * weakest are dropped (not at every mark, which would sort the vocabulary each time).
 */
export const MAX_LEARNED_TERMS = 3000;
export const PRUNE_SLACK = 300;
/** Only the first distinct terms of a long text are learned or read. */
const MAX_TERMS_PER_TEXT = 300;
/**
 * How firmly the empty model holds the lexicon's decision: the logits are this times the lexicon score (and
 * the neutral band for neutral), so a score well past the band takes several contrary marks to overturn.
 */
const LEXICON_CONFIDENCE = 8;
/** Step size for the words' weights, and for the lexicon's weight and the biases (half: they see every mark). */
const TERM_STEP = 0.05;
const CALIBRATION_STEP = 0.025;
/** Weight decay on the words, so a word seen once long ago fades against words seen often. */
const TERM_DECAY = 0.001;
/** Weights are stored with this many decimals: enough for the steps above, and the JSON stays small. */
const STORED_DECIMALS = 1e5;
const LABEL_INDEX: Record<SentimentLabel, 0 | 1 | 2> = { negative: 0, neutral: 1, positive: 2 };
const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const NEGATED_MARK = '!';

const countsSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()]);
const weightsSchema = z.tuple([z.number(), z.number(), z.number()]);

/** Per-label triples are [negative, neutral, positive]. */
export const LearnedModelSchema = z.object({
  version: z.literal(2),
  /** Marked texts per label. */
  marks: countsSchema,
  bias: weightsSchema,
  /** How much the lexicon score adds to each label's logit. */
  lexiconWeight: weightsSchema,
  /** Stemmed term -> what it adds to each label's logit. */
  terms: z.record(z.string(), weightsSchema),
});

export type LearnedModel = z.infer<typeof LearnedModelSchema>;
type Triple = LearnedModel['bias'];

export function emptyLearnedModel(): LearnedModel {
  return {
    version: 2,
    marks: [0, 0, 0],
    bias: [0, LEXICON_CONFIDENCE * NEUTRAL_BAND, 0],
    lexiconWeight: [-LEXICON_CONFIDENCE, 0, LEXICON_CONFIDENCE],
    terms: {},
  };
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

/** What the learner reads of a text: its lexicon score and its terms. */
export interface LearnerInput {
  lexiconScore: number;
  terms: readonly string[];
}

function learnerInputOf(text: string, lang?: SentimentLanguage): LearnerInput {
  // The part a suggestion reads: a marked page's text is as long as the page made it.
  const reading = readText(analyzedPart(text), lang);
  return { lexiconScore: reading.score, terms: termsOfTokens(reading.tokens, reading.lang) };
}

/** P(negative), P(neutral), P(positive) of the model for this input. */
export function learnedProbabilities(model: LearnedModel, input: LearnerInput): Triple {
  const logits: Triple = [0, 1, 2].map((label) => (model.bias[label] ?? 0) + (model.lexiconWeight[label] ?? 0) * input.lexiconScore) as Triple;
  for (const term of input.terms) {
    const weights = model.terms[term];
    if (weights === undefined) continue;
    for (let label = 0; label < 3; label += 1) logits[label] = (logits[label] ?? 0) + (weights[label] ?? 0);
  }
  const top = Math.max(...logits);
  const odds = logits.map((logit) => Math.exp(logit - top));
  const total = (odds[0] ?? 0) + (odds[1] ?? 0) + (odds[2] ?? 0);
  return odds.map((value) => value / total) as Triple;
}

/** The label the model gives an input: the most probable one. */
export function learnedLabel(probabilities: Triple): SentimentLabel {
  let best = 0;
  for (let label = 1; label < 3; label += 1) if ((probabilities[label] ?? 0) > (probabilities[best] ?? 0)) best = label;
  return LABELS[best] ?? 'neutral';
}

const stored = (value: number): number => Math.round(value * STORED_DECIMALS) / STORED_DECIMALS;

/**
 * One gradient step on the log-likelihood of `label`, taken on the model itself: up it when learning a mark
 * (direction 1), down it when forgetting one (-1).
 */
function stepInPlace(model: LearnedModel, input: LearnerInput, label: SentimentLabel, direction: 1 | -1): void {
  const probabilities = learnedProbabilities(model, input);
  const target = LABEL_INDEX[label];
  const error = probabilities.map((probability, index) => direction * (probability - (index === target ? 1 : 0)));
  const decay = direction > 0 ? TERM_DECAY : 0;
  const step = (weights: Triple, size: number, decayRate = 0): Triple =>
    weights.map((weight, index) => stored(weight - size * ((error[index] ?? 0) + decayRate * weight))) as Triple;
  for (const term of input.terms) model.terms[term] = step(model.terms[term] ?? [0, 0, 0], TERM_STEP, decay);
  model.marks[target] += direction;
  model.bias = step(model.bias, CALIBRATION_STEP);
  model.lexiconWeight = step(model.lexiconWeight, CALIBRATION_STEP * input.lexiconScore);
  if (Object.keys(model.terms).length > MAX_LEARNED_TERMS + PRUNE_SLACK) model.terms = strongestTerms(model.terms);
}

function copyOf(model: LearnedModel): LearnedModel {
  return { version: 2, marks: [...model.marks], bias: model.bias, lexiconWeight: model.lexiconWeight, terms: { ...model.terms } };
}

/** The model after the user marked `text` with `label`; the given model is left unchanged. */
export function learnFromMark(model: LearnedModel, text: string, label: SentimentLabel, lang?: SentimentLanguage): LearnedModel {
  const next = copyOf(model);
  stepInPlace(next, learnerInputOf(text, lang), label, 1);
  return next;
}

/**
 * The model after the user took back a mark: the step learning it took, reversed. A step taken since moved the
 * model, so this undoes the mark nearly, not exactly; learnedModelOf() replays marks when it must be exact.
 */
export function forgetMark(model: LearnedModel, text: string, label: SentimentLabel, lang?: SentimentLanguage): LearnedModel {
  if (model.marks[LABEL_INDEX[label]] === 0) return model;
  const next = copyOf(model);
  stepInPlace(next, learnerInputOf(text, lang), label, -1);
  return next;
}

/**
 * Replays marks in the order they were made, the same model as learning them one by one: how a model stored
 * by an older version is rebuilt.
 */
export function learnedModelOf(marks: Iterable<{ text: string; label: SentimentLabel; lang?: SentimentLanguage }>): LearnedModel {
  const model = emptyLearnedModel();
  for (const mark of marks) stepInPlace(model, learnerInputOf(mark.text, mark.lang), mark.label, 1);
  return model;
}

function strongestTerms(terms: Record<string, Triple>): Record<string, Triple> {
  const strength = (weights: Triple): number => Math.max(Math.abs(weights[0]), Math.abs(weights[1]), Math.abs(weights[2]));
  const entries = Object.entries(terms).sort(([, a], [, b]) => strength(b) - strength(a));
  return Object.fromEntries(entries.slice(0, MAX_LEARNED_TERMS));
}
