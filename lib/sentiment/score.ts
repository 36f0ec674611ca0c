import { BRACKET_EMOTICONS, EMOJI, emoticonValenceByShape } from './lexicons/emoji.ts';
import { lexiconFor, type LanguageLexicon } from './lexicon.ts';
import type { Token, TokenizedText } from './tokenize.ts';
import type { SentimentLanguage } from './types.ts';

// The rules follow VADER (Hutto & Gilbert 2014): valences add up, boosters within three words scale a word,
// a negator within three words flips and damps it, capitals emphasise, "but" shifts weight to what follows,
// exclamation marks amplify, and the sum is squashed into [-1, 1]. Our additions: phrases, failures ("не
// работает"), the negativity weight and the lean of unattached negators.

const NEGATION_SCALAR = -0.74;
const CAPITALS_EMPHASIS = 0.733;
const BOOSTER_DECAY = [1, 0.95, 0.9] as const;
const BEFORE_CONTRAST_WEIGHT = 0.5;
const AFTER_CONTRAST_WEIGHT = 1.5;
const EXCLAMATION_EMPHASIS = 0.292;
const MAX_EXCLAMATIONS = 4;
const QUESTION_EMPHASIS = 0.18;
const NORMALISATION_ALPHA = 15;
const MAX_PHRASE_WORDS = 3;
/**
 * Negative words weigh more than positive ones: people use praise casually ("nice", "хорошо") and criticism
 * deliberately, so an even mix of the two reads as criticism.
 */
const NEGATIVITY_WEIGHT = 1.3;
/**
 * A negator that denies no sentiment word ("won't go there", "не стоит") still leans the text negative:
 * negation is far more frequent in complaints than in praise. The lean is small enough to stay inside the
 * neutral band on its own, so it moves the sign of the score, not the label.
 */
const UNATTACHED_NEGATOR_LEAN = -0.1;

/** A word's valence, unless the language only counts it after certain words ("I like" vs "looks like"). */
function valenceInContext(tokens: readonly Token[], index: number, lexicon: LanguageLexicon): number {
  const token = tokens[index] as Token;
  const licences = lexicon.rules.licensedWords.get(token.text);
  if (licences !== undefined) {
    const before = tokens[index - 1];
    if (before === undefined || before.kind !== 'word' || !licences.has(before.text)) return 0;
  }
  return lexicon.valenceOf(token.text);
}

/** Where the window of a negator or booster stops: a clause break. */
function isClauseBreak(token: Token | undefined): boolean {
  return token === undefined || token.kind === 'break';
}

function isSentenceEnd(token: Token): boolean {
  return token.kind === 'break' && /[.!?…\n]/.test(token.text);
}

function emoticonValence(token: Token, english: LanguageLexicon): number {
  const bracket = BRACKET_EMOTICONS.get(token.text);
  if (bracket !== undefined) return bracket;
  const emoji = EMOJI.get(String.fromCodePoint(token.text.codePointAt(0) ?? 0));
  if (emoji !== undefined) return emoji;
  return english.valenceOf(token.text.toLowerCase()) || emoticonValenceByShape(token.text);
}

/** The lexicon that rates a word: Latin words in Russian or Bulgarian text are English (and Cyrillic in English text Russian). */
function lexiconOfWord(token: Token, lexicon: LanguageLexicon): LanguageLexicon {
  if (token.script === 'latin' && lexicon.lang !== 'en') return lexiconFor('en');
  if (token.script === 'cyrillic' && lexicon.lang === 'en') return lexiconFor('ru');
  return lexicon;
}

function isNegator(token: Token, lexicon: LanguageLexicon): boolean {
  if (token.kind !== 'word') return false;
  const rules = lexiconOfWord(token, lexicon).rules;
  return rules.negators.has(token.text) || rules.negatingSuffixes.some((suffix) => token.text.endsWith(suffix));
}

function boosterOf(token: Token, lexicon: LanguageLexicon): number {
  if (token.kind !== 'word') return 0;
  return lexiconOfWord(token, lexicon).rules.boosters.get(token.text) ?? 0;
}

/**
 * Finds multi-word expressions ending at `end`; returns the phrase's valence and how many words it spans.
 * Phrases never reach across a clause break.
 */
function phraseEndingAt(tokens: readonly Token[], end: number, lexicon: LanguageLexicon): { valence: number; length: number } | undefined {
  const phrases = lexicon.rules.phrases;
  if (phrases.size === 0) return undefined;
  let key = tokens[end]?.text ?? '';
  for (let length = 2; length <= MAX_PHRASE_WORDS; length += 1) {
    const token = tokens[end - length + 1];
    if (token === undefined || token.kind !== 'word') return undefined;
    key = `${token.text} ${key}`;
    const valence = phrases.get(key);
    if (valence !== undefined) return { valence, length };
  }
  return undefined;
}

export interface RawSentiment {
  /** Squashed sum of valences in [-1, 1]. */
  compound: number;
  /** How many tokens carried sentiment (0 = nothing to go on). */
  evidence: number;
}

export function scoreTokens(tokenized: TokenizedText, lang: SentimentLanguage): RawSentiment {
  const { tokens } = tokenized;
  const lexicon = lexiconFor(lang);
  const english = lexiconFor('en');
  const valences = new Float64Array(tokens.length);
  const negatorsUsed = new Set<number>();
  let evidence = 0;

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind === 'break') continue;
    if (token.kind === 'emoticon') {
      valences[i] = emoticonValence(token, english);
      if (valences[i] !== 0) evidence += 1;
      continue;
    }
    if (boosterOf(token, lexicon) !== 0 || isNegator(token, lexicon)) continue;

    const wordLexicon = lexiconOfWord(token, lexicon);
    const phrase = phraseEndingAt(tokens, i, wordLexicon);
    const firstWord = phrase === undefined ? i : i - phrase.length + 1;
    if (phrase !== undefined) for (let j = firstWord; j < i; j += 1) valences[j] = 0;
    let valence = phrase?.valence ?? valenceInContext(tokens, i, wordLexicon);

    let negator = -1;
    let boost = 0;
    for (let distance = 1; distance <= 3; distance += 1) {
      const before = tokens[firstWord - distance];
      if (before === undefined || isClauseBreak(before)) break;
      boost += boosterOf(before, lexicon) * (BOOSTER_DECAY[distance - 1] ?? 0);
      if (negator < 0 && isNegator(before, lexicon)) negator = firstWord - distance;
    }
    let negated = negator >= 0;
    if (valence === 0) {
      if (!negated || phrase !== undefined) continue;
      valence = wordLexicon.failureValenceOf(token.text);
      if (valence === 0) continue;
      negated = false;
    }
    if (negator >= 0) negatorsUsed.add(negator);
    valence += Math.sign(valence) * boost;
    if (token.shouted && tokenized.hasLowerCaseWords) valence += Math.sign(valence) * CAPITALS_EMPHASIS;
    if (negated) valence *= NEGATION_SCALAR;
    if (valence < 0) valence *= NEGATIVITY_WEIGHT;
    valences[i] = valence;
    evidence += 1;
  }

  applyContrasts(tokens, valences, lexicon);

  let sum = 0;
  tokens.forEach((token, index) => {
    if (!negatorsUsed.has(index) && isNegator(token, lexicon)) sum += UNATTACHED_NEGATOR_LEAN;
  });
  for (const valence of valences) sum += valence;
  if (sum !== 0) {
    const exclamation = Math.min(tokenized.exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_EMPHASIS;
    const question = tokenized.questions > 1 ? Math.min(tokenized.questions, 3) * QUESTION_EMPHASIS : 0;
    sum += Math.sign(sum) * (exclamation + question);
  }
  return { compound: sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA), evidence };
}

/** Within each sentence that has a contrast word, what precedes it counts half and what follows it half again. */
function applyContrasts(tokens: readonly Token[], valences: Float64Array, lexicon: LanguageLexicon): void {
  let sentenceStart = 0;
  for (let i = 0; i <= tokens.length; i += 1) {
    const token = tokens[i];
    if (token !== undefined && !isSentenceEnd(token)) continue;
    for (let j = sentenceStart; j < i; j += 1) {
      const candidate = tokens[j] as Token;
      if (candidate.kind !== 'word' || !lexiconOfWord(candidate, lexicon).rules.contrasts.has(candidate.text)) continue;
      for (let k = sentenceStart; k < i; k += 1) {
        if (k < j) valences[k] = (valences[k] ?? 0) * BEFORE_CONTRAST_WEIGHT;
        else if (k > j) valences[k] = (valences[k] ?? 0) * AFTER_CONTRAST_WEIGHT;
      }
      break;
    }
    sentenceStart = i + 1;
  }
}
