import { languageOfTokens } from './language.ts';
import { BRACKET_EMOTICONS, EMOJI, emoticonValenceByShape } from './lexicons/emoji.ts';
import { lexiconFor, lexiconOfEnglishInsideCyrillic, type LanguageLexicon, type WordInfo } from './lexicon.ts';
import { BOOST } from './lexicons/profile.ts';
import { findRating, RATING_VALENCE, ratingLean } from './rating.ts';
import { tokenize, type Token, type TokenizedText } from './tokenize.ts';
import type { SentimentLabel, SentimentLanguage } from './types.ts';

// The rules follow VADER (Hutto & Gilbert 2014): valences add up, boosters within three words scale a word,
// a negator within three words flips and damps it, capitals emphasise, "but" shifts weight to what follows,
// exclamation marks amplify, and the sum is squashed into [-1, 1]. Our additions: phrases, failures ("не
// работает"), the negativity weight, the lean of unattached negators, praise in questions, and a rating the text
// states (rating.ts), added to the sum as one more piece of evidence.

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

const SENTENCE_END = /[.!?…\n]/;

/** |score| below this is neutral (VADER's threshold). */
export const NEUTRAL_BAND = 0.05;

export function labelOfScore(score: number): SentimentLabel {
  return score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
}

/** The lexicon that rates a word: Latin words in Russian or Bulgarian text are English, Cyrillic in English text Russian. */
function lexiconOfWord(token: Token, lexicon: LanguageLexicon): LanguageLexicon {
  if (token.script === 'latin' && lexicon.lang !== 'en') return lexiconOfEnglishInsideCyrillic();
  if (token.script === 'cyrillic' && lexicon.lang === 'en') return lexiconFor('ru');
  return lexicon;
}

function emoticonValence(token: Token, english: LanguageLexicon): number {
  const bracket = BRACKET_EMOTICONS.get(token.text);
  if (bracket !== undefined) return bracket;
  const emoji = EMOJI.get(String.fromCodePoint(token.text.codePointAt(0) ?? 0));
  if (emoji !== undefined) return emoji;
  return english.infoOf(token.text.toLowerCase()).valence || emoticonValenceByShape(token.text);
}

/**
 * A capitalised English word inside a sentence of ordinary lower-case text is a name ("Best Buy", "Happy
 * Dental", "the Supreme Court", "United States"), not an opinion. Russian and Bulgarian writers capitalise too
 * loosely for this to hold there. In any language, a capital inside a word ("МегаФон", "СуперБИТ", "iPhone")
 * spells a brand or product.
 */
function isProperName(tokens: readonly Token[], index: number, lexicon: LanguageLexicon, tokenized: TokenizedText): boolean {
  const token = tokens[index] as Token;
  if (token.mixedCase) return true;
  return (
    token.capitalized &&
    token.script === 'latin' &&
    lexicon.lang === 'en' &&
    tokenized.hasLowerCaseWords &&
    tokens[index - 1]?.kind === 'word'
  );
}

/** Multi-word expression ending at `end`, within one clause: its valence and how many words it spans. */
function phraseEndingAt(
  infos: readonly (WordInfo | undefined)[],
  end: number,
  lexicon: LanguageLexicon,
): { valence: number; length: number } | undefined {
  let key = infos[end]?.form ?? '';
  for (let length = 2; length <= MAX_PHRASE_WORDS; length += 1) {
    const info = infos[end - length + 1];
    if (info === undefined) return undefined;
    key = `${info.form} ${key}`;
    const valence = lexicon.rules.phrases.get(key);
    if (valence !== undefined) return { valence, length };
  }
  return undefined;
}

/** What a text offered the rules, besides its score: what the confidence of a suggestion rests on. */
export interface Evidence {
  /** Sum of the positive valences after negation, contrast and questions, a stated rating's included. */
  praise: number;
  /** Sum of the negative valences, as a magnitude. */
  criticism: number;
  /** Words in the text: neutral is a weak answer for a fragment. */
  words: number;
  /** Which way a stated rating leans (rating.ts), undefined without one. */
  ratingLean: number | undefined;
}

/** A text as the rules read it: its language, tokens, score in [-1, 1] and the evidence behind the score. */
export interface Reading {
  lang: SentimentLanguage;
  tokens: readonly Token[];
  score: number;
  evidence: Evidence;
}

/** Reads a text by the rules: its words and a rating it states. `lang` is detected when not given. */
export function readText(text: string, lang?: SentimentLanguage): Reading {
  const tokenized = tokenize(text);
  const language = lang ?? languageOfTokens(tokenized.tokens);
  const rating = findRating(text);
  const lean = rating === undefined ? undefined : ratingLean(rating);
  const { score, praise, criticism } = scoreTokens(tokenized, language, (lean ?? 0) * RATING_VALENCE);
  const words = tokenized.tokens.reduce((count, token) => count + (token.kind === 'word' ? 1 : 0), 0);
  return { lang: language, tokens: tokenized.tokens, score, evidence: { praise, criticism, words, ratingLean: lean } };
}

function scoreTokens(
  tokenized: TokenizedText,
  lang: SentimentLanguage,
  ratingValence: number,
): { score: number; praise: number; criticism: number } {
  const { tokens } = tokenized;
  const lexicon = lexiconFor(lang);
  const english = lexiconFor('en');
  // One lookup per token; breaks and emoticons have none, which also stops every window at a clause break.
  const infos: (WordInfo | undefined)[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    infos[i] = token.kind === 'word' ? lexiconOfWord(token, lexicon).infoOf(token.text) : undefined;
  }
  const valences = new Float64Array(tokens.length);
  const negatorUsed = new Uint8Array(tokens.length);

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const info = infos[i];
    if (info === undefined) {
      if (token.kind === 'emoticon') valences[i] = emoticonValence(token, english);
      continue;
    }
    if (info.negator || info.boost !== 0) continue;
    if (info.intensifies && (infos[i + 1]?.valence ?? 0) !== 0) continue;
    if (isProperName(tokens, i, lexicon, tokenized)) continue;
    // Praise in a short quotation is a title or a name ("Активное лето"), or held at a distance: the irony of
    // «"шикарная" политика», 'the "best" support'.
    if (token.quoted && info.valence > 0) continue;

    const phrase = info.endsPhrase ? phraseEndingAt(infos, i, lexiconOfWord(token, lexicon)) : undefined;
    const firstWord = phrase === undefined ? i : i - phrase.length + 1;
    if (phrase !== undefined) valences.fill(0, firstWord, i);
    let valence = phrase?.valence ?? info.valence;
    if (phrase === undefined && info.licences !== undefined && !info.licences.has(infos[i - 1]?.form ?? '')) valence = 0;

    let negator = -1;
    let boost = 0;
    for (let distance = 1; distance <= 3; distance += 1) {
      const before = infos[firstWord - distance];
      if (before === undefined) break;
      boost += (before.intensifies && distance === 1 ? BOOST : before.boost) * (BOOSTER_DECAY[distance - 1] ?? 0);
      if (negator < 0 && before.negator) negator = firstWord - distance;
    }
    let negated = negator >= 0;
    if (valence === 0) {
      if (!negated || phrase !== undefined || info.failure === 0) continue;
      valence = info.failure;
      negated = false;
    }
    if (negator >= 0) negatorUsed[negator] = 1;
    valence += Math.sign(valence) * boost;
    if (token.shouted && tokenized.hasLowerCaseWords) valence += Math.sign(valence) * CAPITALS_EMPHASIS;
    if (negated) valence *= NEGATION_SCALAR;
    if (valence < 0) valence *= NEGATIVITY_WEIGHT;
    valences[i] = valence;
  }

  applyContrasts(tokens, infos, valences);
  ignoreUnassertedPraise(tokens, infos, valences);

  let praise = Math.max(0, ratingValence);
  let criticism = Math.max(0, -ratingValence);
  let leans = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const valence = valences[i] ?? 0;
    if (valence > 0) praise += valence;
    else criticism -= valence;
    if (infos[i]?.negator && negatorUsed[i] === 0) leans += UNATTACHED_NEGATOR_LEAN;
  }
  let sum = praise - criticism + leans;
  if (sum !== 0) {
    const exclamation = Math.min(tokenized.exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_EMPHASIS;
    const question = tokenized.questions > 1 ? Math.min(tokenized.questions, 3) * QUESTION_EMPHASIS : 0;
    sum += Math.sign(sum) * (exclamation + question);
  }
  return { score: squash(sum), praise, criticism };
}

/** Maps a sum of valences into (-1, 1) as VADER does. */
export function squash(sum: number): number {
  return sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
}

/** Within each sentence that has a contrast word, what precedes it counts half and what follows it half again. */
function applyContrasts(tokens: readonly Token[], infos: readonly (WordInfo | undefined)[], valences: Float64Array): void {
  let sentenceStart = 0;
  let contrast = -1;
  for (let i = 0; i <= tokens.length; i += 1) {
    const token = tokens[i];
    if (token !== undefined && !(token.kind === 'break' && SENTENCE_END.test(token.text))) {
      if (contrast < 0 && infos[i]?.contrast) contrast = i;
      continue;
    }
    if (contrast >= 0) {
      for (let k = sentenceStart; k < i; k += 1) {
        if (k < contrast) valences[k] = (valences[k] ?? 0) * BEFORE_CONTRAST_WEIGHT;
        else if (k > contrast) valences[k] = (valences[k] ?? 0) * AFTER_CONTRAST_WEIGHT;
      }
    }
    sentenceStart = i + 1;
    contrast = -1;
  }
}

/**
 * Praise that is asked about or sought is not praise. A question asks about what the writer hopes for or doubts:
 * "can someone recommend a good editor?", "who says lotteries are harmless fun?", "кто знает хороший банк?",
 * "бихте ли препоръчали хубав ресторант" (Bulgarian "ли" asks without a question mark). Positive words in such a
 * clause count for nothing, and so do those after a word of seeking in the same clause ("търся хубав фризьор",
 * "посоветуйте надежный банк"). Negative ones still count, since criticism is often put as a question ("who
 * buys this junk?"). "?!" exclaims rather than asks, and earlier clauses of the sentence ("I loved it, will they
 * open another?") are statements.
 */
function ignoreUnassertedPraise(tokens: readonly Token[], infos: readonly (WordInfo | undefined)[], valences: Float64Array): void {
  let clauseStart = 0;
  let asks = false;
  let seeking = false;
  for (let i = 0; i <= tokens.length; i += 1) {
    const token = tokens[i];
    if (token !== undefined && token.kind !== 'break') {
      const info = infos[i];
      if (info?.asks) asks = true;
      if (info?.seeks) seeking = true;
      else if (seeking && (valences[i] ?? 0) > 0) valences[i] = 0;
      continue;
    }
    const question = token?.text.startsWith('?') === true && tokens[i + 1]?.text.startsWith('!') !== true;
    if (asks || question) {
      for (let k = clauseStart; k < i; k += 1) if ((valences[k] ?? 0) > 0) valences[k] = 0;
    }
    clauseStart = i + 1;
    asks = false;
    seeking = false;
  }
}
