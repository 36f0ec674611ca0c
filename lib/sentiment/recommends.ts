import { lowerCaseKeepingOffsets, wordStartMatches, type BrandMatcher } from '../match/brand';

/**
 * Suggests the "recommends" mark: the text recommends the client, in English, Russian or Bulgarian.
 *
 * A recommendation cue ("highly recommend", "рекомендую", "препоръчвам") counts when it is near a
 * brand mention, or anywhere in a text that links to the client. A negated cue ("не рекомендую",
 * "wouldn't recommend") and an anti-recommendation ("avoid", "обходите стороной") count against.
 * Each brand mention takes the verdict of its nearest cue, so "avoid X, go to Acme instead" still
 * recommends Acme; any mention whose nearest cue is negative vetoes the suggestion.
 */
export interface RecommendationContext {
  brand: BrandMatcher;
  linksToClient: boolean;
}

const WORD_END = '(?![\\p{L}\\p{N}])';
/** Up to three words between the parts of a phrase ("обходите эту клинику стороной"). */
const FEW_WORDS = "(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}";
/** What stands before "go to", "check out", "avoid" when they are advice: a clause start or a modal. */
const ADVICE_LEAD =
  "(?:(?:^|[.!?…,;:(\\n])\\s*|(?:just|definitely|so|then|always|only|please|should|must|would|could|better|but|and|or|i['’]d|you['’]d)\\s+)";

// The context checks below look behind from the end of the phrase: a lookbehind in front of a
// phrase would run at every position of the text, one after it only where the phrase matched.
function asAdvice(phrase: string): string {
  return `${phrase}(?<=${ADVICE_LEAD}${phrase})`;
}

function notAfter(context: string, phrase: string): string {
  return `${phrase}(?<!${context}${phrase})`;
}

/** Reporting whose advice it was ("по препоръка на лекаря", "on a friend's recommendation"). */
const REPORTED_RUSSIAN_OR_BULGARIAN = 'по\\s+';
const REPORTED_ENGLISH = "on\\s+(?:[\\p{L}'’]+\\s+){1,2}";
/**
 * Russian verbs in their finite and short-passive forms only: the participles ("рекомендуемых",
 * "советовавшего") describe, the imperatives ("посоветуйте банк") ask.
 */
const RUSSIAN_VERB_ENDING = '(?:у(?:ю|ем|ет|ете|ют)|ова(?:л|ла|ли|ло|ть|н|на|но|ны))(?!\\p{L})';
/** Bulgarian: the imperative asks ("препоръчайте лекар"), "препоръчително" only means advisable. */
const NOT_BULGARIAN_REQUEST = '(?!\\p{L}*айте(?!\\p{L})|ителн)';

const RECOMMENDATION_PHRASES = [
  // English
  notAfter(REPORTED_ENGLISH, 'recommendations?'),
  'recommend(?!ation)\\p{L}*(?!\\p{L})(?!\\s+against)',
  asAdvice('(?:go|head)\\s+(?:to|with)'),
  asAdvice('check\\s+out'),
  `best\\s+${FEW_WORDS}(?:in|around)\\s+(?:town|the\\s+city|the\\s+area)`,
  'look\\s+no\\s+further',
  'my\\s+go-to',
  'must[-\\s](?:visit|try)',
  'worth\\s+(?:a|the|every)\\s+(?:visit|trip|try|penny)',
  'vouch\\p{L}*\\s+for',
  "(?:won['’]?t|will\\s+not|never)\\s+regret",
  // Russian
  `(?:по)?рекоменд${RUSSIAN_VERB_ENDING}`,
  `(?:по)?совет${RUSSIAN_VERB_ENDING}`,
  'обращайтесь',
  'обратитесь',
  'с?ходите\\s+(?:в|на|к)',
  `лучш\\p{L}*\\s+${FEW_WORDS}в\\s+(?:нашем\\s+)?(?:городе|районе|округе)`,
  'не\\s+пожалеете',
  // Bulgarian
  `препоръч${NOT_BULGARIAN_REQUEST}\\p{L}*`,
  `${notAfter(REPORTED_RUSSIAN_OR_BULGARIAN, 'препорък')}\\p{L}*`,
  `(?:по)?съветв${NOT_BULGARIAN_REQUEST}\\p{L}*`,
  'отидете\\s+(?:в|на|при)',
  'обърнете\\s+се\\s+(?:към|в)',
  `най-добр\\p{L}*\\s+${FEW_WORDS}в\\s+(?:града|района)`,
  'няма\\s+да\\s+съжалявате',
];

const ANTI_RECOMMENDATION_PHRASES = [
  // English: "avoid" only as advice, since "the film avoids clichés" praises
  asAdvice('avoid(?:ing)?'),
  `avoid\\p{L}*\\s+${FEW_WORDS}(?:at\\s+all\\s+costs|like\\s+the\\s+plague)`,
  '(?:recommend|suggest)\\p{L}*\\s+avoiding',
  'stay\\s+away',
  'steer\\s+clear',
  'keep\\s+away',
  'never\\s+again',
  'beware',
  'run\\s+(?:far\\s+)?away',
  'recommend\\p{L}*\\s+against',
  'waste\\s+of\\s+(?:money|time)',
  // Russian
  `обход\\p{L}*\\s+${FEW_WORDS}сторон\\p{L}*`,
  `обойд\\p{L}*\\s+${FEW_WORDS}сторон\\p{L}*`,
  'держ\\p{L}*\\s+подальше',
  'бегите',
  'избегайте',
  'остерегайтесь',
  'не\\s+(?:связывайтесь|ходите|ведитесь|тратьте)',
  // Bulgarian
  'избягвайте',
  'стойте\\s+далеч',
  'бягайте',
  'заобикаляйте',
  'не\\s+(?:отивайте|ходете|се\\s+връзвайте|си\\s+губете)',
];

/** Phrases are lower case and run over lowered text; word starts are checked by wordStartMatches. */
function phraseRegex(phrases: readonly string[]): RegExp {
  return new RegExp(`(?:${phrases.join('|')})${WORD_END}`, 'gu');
}

const RECOMMENDATION = phraseRegex(RECOMMENDATION_PHRASES);
const ANTI_RECOMMENDATION = phraseRegex(ANTI_RECOMMENDATION_PHRASES);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n/gu;
const CLAUSE_BREAK = /[.!?…,;:\n]/u;

/** Words that negate the verb after them; their count decides ("не могу не рекомендовать"). */
const NEGATORS = new Set([
  'not', 'no', 'never', 'cannot', 'hardly', 'nothing', 'nobody', 'none', 'refrain', 'refrained', 'stopped',
  'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'isnt', 'wasnt', 'arent', 'werent',
  'havent', 'hasnt', 'aint',
  'не', 'ни', 'нельзя', 'вряд', 'никто', 'ничего', 'перестал', 'перестала', 'перестали',
  'няма', 'едва', 'нищо', 'никой',
]);
const CONTRACTED_NOT = /n['’]t$/u;
/** "not only", "не только", "не само" add rather than negate. */
const NOT_ONLY = new Set(['only', 'just', 'только', 'просто', 'само']);
/** "I hesitate/doubt" negates; "wouldn't hesitate", "no doubt", "без колебаний", "не раздумывая" do not. */
const HESITATION = /^(?:hesitat|doubt|колеб|раздумыв|сомнен|съмнен)/u;
const WITHOUT = new Set(['without', 'без']);
/** How far back a "not"/"without" pairs with a hesitation word ("without a doubt"). */
const HESITATION_PAIR_REACH = 2;
/** How many words before a cue are searched for a negation. */
const NEGATION_REACH = 4;
/**
 * How many words after a cue: "recommend not going", "советую не связываться", "препоръчвам да не".
 * The reach ends at a brand mention: in "recommend Acme, not BadCorp" the negation is about another.
 */
const NEGATION_REACH_AFTER = 4;
/** "can't recommend them enough", "couldn't recommend it more" praise. */
const PRAISE_REACH = 5;
/** A cue this many words from a brand mention (or in its sentence) is about that brand. */
const BRAND_REACH = 12;
/** Enough characters around a cue for the few words read there; keeps long unpunctuated text linear. */
const CLAUSE_SCAN_CHARS = 200;

/** A recommendation or anti-recommendation phrase found in the (lowered) text. */
interface CueMatch {
  start: number;
  end: number;
  recommends: boolean;
}

function isNegator(word: string, next: string | undefined): boolean {
  if (next !== undefined && NOT_ONLY.has(next)) return false;
  // "little to recommend", "used to recommend"; "my little sister recommended" stays positive.
  if (word === 'little' || word === 'used') return next === 'to';
  return NEGATORS.has(word) || CONTRACTED_NOT.test(word);
}

/** Negations among the words; a hesitation word cancels the negation paired with it. */
function negationCount(words: readonly string[]): number {
  let count = 0;
  let lastNegator = -Infinity;
  let lastWithout = -Infinity;
  words.forEach((word, index) => {
    if (HESITATION.test(word)) {
      if (index - lastNegator <= HESITATION_PAIR_REACH) {
        count -= 1;
        lastNegator = -Infinity;
      } else if (index - lastWithout > HESITATION_PAIR_REACH) {
        count += 1;
      }
    } else if (WITHOUT.has(word)) {
      lastWithout = index;
    } else if (isNegator(word, words[index + 1])) {
      count += 1;
      lastNegator = index;
    }
  });
  return count;
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The part of the clause in front of `start`, stopping at sentence or clause punctuation. */
function clauseBefore(text: string, start: number): string {
  const limit = Math.max(0, start - CLAUSE_SCAN_CHARS);
  let from = start;
  while (from > limit && !CLAUSE_BREAK.test(text.charAt(from - 1))) from -= 1;
  return text.slice(from, start);
}

/** The part of the clause after `end`, up to `limit` at most. */
function clauseAfter(text: string, end: number, limit: number): string {
  const stop = Math.min(limit, end + CLAUSE_SCAN_CHARS);
  let to = end;
  while (to < stop && !CLAUSE_BREAK.test(text.charAt(to))) to += 1;
  return text.slice(end, to);
}

function praisesBeyondWords(wordsAfter: readonly string[]): boolean {
  return wordsAfter.slice(0, PRAISE_REACH).some(
    (word, index) => word === 'enough' || (word === 'more' && wordsAfter[index - 1] !== 'any'),
  );
}

function isNegated(text: string, start: number, end: number, mentionStarts: readonly number[]): boolean {
  const before = wordsOf(clauseBefore(text, start)).slice(-NEGATION_REACH);
  const nextMention = mentionStarts[countAtOrBefore(mentionStarts, end - 1)] ?? text.length;
  const after = wordsOf(clauseAfter(text, end, text.length));
  const afterUpToBrand = wordsOf(clauseAfter(text, end, nextMention));
  const negatedBefore = negationCount(before) % 2 !== 0 && !praisesBeyondWords(after);
  const negatedAfter = negationCount(afterUpToBrand.slice(0, NEGATION_REACH_AFTER)) % 2 !== 0;
  return negatedBefore !== negatedAfter;
}

function findCueMatches(lower: string): CueMatch[] {
  const found: CueMatch[] = [];
  for (const [pattern, recommends] of [
    [RECOMMENDATION, true],
    [ANTI_RECOMMENDATION, false],
  ] as const) {
    for (const match of wordStartMatches(pattern, lower)) {
      found.push({ start: match.index, end: match.index + match[0].length, recommends });
    }
  }
  return found;
}

/** Where sentences end, and which of them are questions. */
interface Sentences {
  /** Offset of each terminator, ascending. */
  terminators: number[];
  /** Offset where each following sentence starts, ascending. */
  starts: number[];
  question: boolean[];
}

function sentencesOf(text: string): Sentences {
  const sentences: Sentences = { terminators: [], starts: [], question: [] };
  for (const match of text.matchAll(SENTENCE_END)) {
    sentences.terminators.push(match.index);
    sentences.starts.push(match.index + match[0].length);
    sentences.question.push(match[0].includes('?'));
  }
  return sentences;
}

/** Whether the sentence holding `offset` ends in a question mark: asking is not recommending. */
function inQuestion(sentences: Sentences, offset: number): boolean {
  return sentences.question[countAtOrBefore(sentences.terminators, offset - 1)] ?? false;
}

/** How many of the sorted offsets are at or before `position`. */
function countAtOrBefore(sorted: readonly number[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface PlacedCue {
  positive: boolean;
  word: number;
  sentence: number;
}

/** Cues sorted by word index, with the index list kept for binary search. */
interface CueIndex {
  cues: readonly PlacedCue[];
  words: readonly number[];
}

/** The cues at the word index of cues[from], walking in `step` direction while it stays the same. */
function cuesAtSameWord(cues: readonly PlacedCue[], from: number, step: 1 | -1): PlacedCue[] {
  const first = cues[from];
  const group: PlacedCue[] = [];
  for (let at = from; first && cues[at]?.word === first.word; at += step) group.push(cues[at] as PlacedCue);
  return group;
}

/**
 * The verdict of the cue nearest to a brand mention among those in its sentence or within
 * BRAND_REACH words (a tie goes to the negative one); null when none is. Only the closest cues on
 * either side can be nearest: any cue beyond them is farther and in no later sentence.
 */
function nearestCueVerdict(index: CueIndex, at: { word: number; sentence: number }): boolean | null {
  const firstAfter = countAtOrBefore(index.words, at.word - 1);
  const candidates = [...cuesAtSameWord(index.cues, firstAfter - 1, -1), ...cuesAtSameWord(index.cues, firstAfter, 1)];
  let nearest: { distance: number; positive: boolean } | null = null;
  for (const cue of candidates) {
    const distance = Math.abs(cue.word - at.word);
    if (cue.sentence !== at.sentence && distance > BRAND_REACH) continue;
    const closer = !nearest || distance < nearest.distance || (distance === nearest.distance && !cue.positive);
    if (closer) nearest = { distance, positive: cue.positive };
  }
  return nearest ? nearest.positive : null;
}

export function suggestsRecommendation(text: string, context: RecommendationContext): boolean {
  const lower = lowerCaseKeepingOffsets(text);
  const sentences = sentencesOf(lower);
  const cueMatches = findCueMatches(lower).filter((cue) => !inQuestion(sentences, cue.end));
  if (cueMatches.length === 0) return false;

  const mentions = context.brand.find(text);
  const mentionStarts = mentions.map((mention) => mention.index);
  const cues = cueMatches.map(({ start, end, recommends }) => ({
    start,
    positive: recommends && !isNegated(lower, start, end, mentionStarts),
  }));

  const wordStarts = [...lower.matchAll(WORD)].map((match) => match.index);
  const place = (offset: number) => ({
    word: countAtOrBefore(wordStarts, offset),
    sentence: countAtOrBefore(sentences.starts, offset),
  });
  const placedCues = cues.map((cue) => ({ positive: cue.positive, ...place(cue.start) })).sort((a, b) => a.word - b.word);
  const cueIndex = { cues: placedCues, words: placedCues.map((cue) => cue.word) };

  let brandRecommended = false;
  for (const mention of mentions) {
    const verdict = nearestCueVerdict(cueIndex, place(mention.index));
    if (verdict === false) return false;
    if (verdict === true) brandRecommended = true;
  }
  if (brandRecommended) return true;
  return context.linksToClient && cues.every((cue) => cue.positive);
}
