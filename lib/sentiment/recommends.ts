import type { BrandMatcher } from '../match/brand';

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

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
/** Up to three words between the parts of a phrase ("обходите эту клинику стороной"). */
const FEW_WORDS = "(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}";
/** "go to"/"check out" recommend only as advice: at a clause start or after a modal. */
const ADVICE_LEAD =
  "(?:(?<=(?:^|[.!?…,;:(\\n])\\s*)|(?:just|definitely|so|then|always|only|please|should|must|would|could|better|but|and|or|i['’]d|you['’]d)\\s+)";

/** Reporting whose advice it was ("по препоръка на лекаря") is no recommendation. */
const NOT_REPORTED = '(?<!по\\s+)';
/**
 * Russian verbs in their finite and short-passive forms only: the participles ("рекомендуемых",
 * "советовавшего") describe, the imperatives ("посоветуйте банк") ask.
 */
const RUSSIAN_VERB_ENDING = '(?:у(?:ю|ем|ет|ете|ют)|ова(?:л|ла|ли|ло|ть|н|на|но|ны))(?!\\p{L})';
/** Bulgarian: the imperative asks ("препоръчайте лекар"), "препоръчително" only means advisable. */
const NOT_BULGARIAN_REQUEST = '(?!\\p{L}*айте(?!\\p{L})|ителн)';

/** "on a friend's recommendation" reports whose advice it was. */
const NOT_REPORTED_ENGLISH = "(?<!on\\s+(?:[\\p{L}'’]+\\s+){1,2})";

const RECOMMENDATION_PHRASES = [
  // English
  `${NOT_REPORTED_ENGLISH}recommendations?`,
  'recommend(?!ation)\\p{L}*(?!\\p{L})(?!\\s+against)',
  `${ADVICE_LEAD}(?:go|head)\\s+(?:to|with)`,
  `${ADVICE_LEAD}check\\s+out`,
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
  `${NOT_REPORTED}препорък\\p{L}*`,
  `(?:по)?съветв${NOT_BULGARIAN_REQUEST}\\p{L}*`,
  'отидете\\s+(?:в|на|при)',
  'обърнете\\s+се\\s+(?:към|в)',
  `най-добр\\p{L}*\\s+${FEW_WORDS}в\\s+(?:града|района)`,
  'няма\\s+да\\s+съжалявате',
];

const ANTI_RECOMMENDATION_PHRASES = [
  // English: "avoid" only as advice, since "the film avoids clichés" praises
  `${ADVICE_LEAD}avoid(?:ing)?`,
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

function phraseRegex(phrases: readonly string[]): RegExp {
  return new RegExp(`${WORD_START}(?:${phrases.join('|')})${WORD_END}`, 'giu');
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

interface Cue {
  start: number;
  positive: boolean;
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
  return text.toLowerCase().match(WORD) ?? [];
}

/** The part of the clause in front of `start`, stopping at sentence or clause punctuation. */
function clauseBefore(text: string, start: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text.charAt(from - 1))) from -= 1;
  return text.slice(from, start);
}

function clauseAfter(text: string, end: number, limit: number): string {
  let to = end;
  while (to < limit && !CLAUSE_BREAK.test(text.charAt(to))) to += 1;
  return text.slice(end, to);
}

function praisesBeyondWords(wordsAfter: readonly string[]): boolean {
  return wordsAfter.slice(0, PRAISE_REACH).some(
    (word, index) => word === 'enough' || (word === 'more' && wordsAfter[index - 1] !== 'any'),
  );
}

function isNegated(text: string, start: number, end: number, mentionStarts: readonly number[]): boolean {
  const before = wordsOf(clauseBefore(text, start)).slice(-NEGATION_REACH);
  const nextMention = mentionStarts.find((mentionStart) => mentionStart >= end) ?? text.length;
  const after = wordsOf(clauseAfter(text, end, text.length));
  const afterUpToBrand = wordsOf(clauseAfter(text, end, nextMention));
  const negatedBefore = negationCount(before) % 2 !== 0 && !praisesBeyondWords(after);
  const negatedAfter = negationCount(afterUpToBrand.slice(0, NEGATION_REACH_AFTER)) % 2 !== 0;
  return negatedBefore !== negatedAfter;
}

/** Whether the sentence holding `from` ends in a question mark: asking is not recommending. */
function inQuestion(text: string, from: number): boolean {
  const ending = new RegExp(SENTENCE_END.source, 'gu');
  ending.lastIndex = from;
  return ending.exec(text)?.[0].includes('?') ?? false;
}

function findCues(text: string, mentionStarts: readonly number[]): Cue[] {
  const cues: Cue[] = [];
  for (const match of text.matchAll(RECOMMENDATION)) {
    const end = match.index + match[0].length;
    if (inQuestion(text, end)) continue;
    cues.push({ start: match.index, positive: !isNegated(text, match.index, end, mentionStarts) });
  }
  for (const match of text.matchAll(ANTI_RECOMMENDATION)) {
    if (!inQuestion(text, match.index + match[0].length)) cues.push({ start: match.index, positive: false });
  }
  return cues;
}

/** Sorted start offsets of what `pattern` finds, or just past each separator it finds. */
function offsets(text: string, pattern: RegExp, after: boolean): number[] {
  return [...text.matchAll(pattern)].map((match) => (after ? match.index + match[0].length : match.index));
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

export function suggestsRecommendation(text: string, context: RecommendationContext): boolean {
  const mentions = context.brand.find(text);
  const cues = findCues(text, mentions.map((mention) => mention.index));
  if (cues.length === 0) return false;

  const wordStarts = offsets(text, WORD, false);
  const sentenceStarts = offsets(text, SENTENCE_END, true);
  const place = (offset: number) => ({
    word: countAtOrBefore(wordStarts, offset),
    sentence: countAtOrBefore(sentenceStarts, offset),
  });
  const placedCues = cues.map((cue) => ({ ...cue, ...place(cue.start) }));

  let brandRecommended = false;
  for (const mention of mentions) {
    const at = place(mention.index);
    let nearest: { distance: number; positive: boolean } | null = null;
    for (const cue of placedCues) {
      const distance = Math.abs(cue.word - at.word);
      if (cue.sentence !== at.sentence && distance > BRAND_REACH) continue;
      const closer = !nearest || distance < nearest.distance || (distance === nearest.distance && !cue.positive);
      if (closer) nearest = { distance, positive: cue.positive };
    }
    if (nearest && !nearest.positive) return false;
    if (nearest) brandRecommended = true;
  }
  if (brandRecommended) return true;
  return context.linksToClient && cues.every((cue) => cue.positive);
}
