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
  "(?:(?<=(?:^|[.!?…,;:(\\n])\\s*)|(?:just|definitely|so|then|always|only|please|should|must|would|could|i['’]d|you['’]d)\\s+)";

const RECOMMENDATION_PHRASES = [
  // English
  'recommend\\p{L}*(?!\\p{L})(?!\\s+against)',
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
  '(?:по)?рекоменд\\p{L}*',
  '(?:по)?совет(?:у|ова)\\p{L}*',
  'обращайтесь',
  'обратитесь',
  '(?:с?ходите|идите)\\s+(?:в|на|к)',
  `лучш\\p{L}*\\s+${FEW_WORDS}в\\s+(?:нашем\\s+)?(?:городе|районе|округе)`,
  'не\\s+пожалеете',
  // Bulgarian
  'препоръч\\p{L}*',
  'препорък\\p{L}*',
  '(?:по)?съветв\\p{L}*',
  'отидете\\s+(?:в|на|при)',
  'обърнете\\s+се\\s+(?:към|в)',
  `най-добр\\p{L}*\\s+${FEW_WORDS}в\\s+(?:града|района)`,
  'няма\\s+да\\s+съжалявате',
];

const ANTI_RECOMMENDATION_PHRASES = [
  // English
  'avoid(?:ing)?',
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

/** Particles that negate the verb after them; their count decides ("не могу не рекомендовать"). */
const NEGATORS = new Set([
  'not', 'no', 'never', 'cannot', 'hardly', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'cant', 'couldnt',
  'shouldnt', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'aint',
  'не', 'ни', 'нельзя', 'вряд', 'няма', 'едва',
]);
const CONTRACTED_NOT = /n['’]t$/u;
/** "I hesitate to recommend" negates; "wouldn't hesitate", "without hesitation", "без колебаний" do not. */
const HESITATION = /^(?:hesitat|колеб)/u;
const WITHOUT = new Set(['without', 'без']);
/** How many words before a cue are searched for a negation. */
const NEGATION_REACH = 4;
/** "can't recommend them enough" praises. */
const ENOUGH_REACH = 5;
/** A cue this many words from a brand mention (or in its sentence) is about that brand. */
const BRAND_REACH = 12;

interface Cue {
  start: number;
  positive: boolean;
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || CONTRACTED_NOT.test(word);
}

/** Negations among the words, a hesitation word cancelling the negation right before it. */
function negationCount(words: readonly string[]): number {
  let count = 0;
  let previous = '';
  for (const word of words) {
    if (HESITATION.test(word)) {
      if (isNegator(previous)) count -= 1;
      else if (!WITHOUT.has(previous)) count += 1;
    } else if (isNegator(word)) {
      count += 1;
    }
    previous = word;
  }
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

function clauseAfter(text: string, end: number): string {
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text.charAt(to))) to += 1;
  return text.slice(end, to);
}

function isNegated(text: string, start: number, end: number): boolean {
  const before = wordsOf(clauseBefore(text, start)).slice(-NEGATION_REACH);
  if (negationCount(before) % 2 === 0) return false;
  const praisesBeyondWords = wordsOf(clauseAfter(text, end)).slice(0, ENOUGH_REACH).includes('enough');
  return !praisesBeyondWords;
}

function findCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const match of text.matchAll(RECOMMENDATION)) {
    const end = match.index + match[0].length;
    cues.push({ start: match.index, positive: !isNegated(text, match.index, end) });
  }
  for (const match of text.matchAll(ANTI_RECOMMENDATION)) cues.push({ start: match.index, positive: false });
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
  const cues = findCues(text);
  if (cues.length === 0) return false;

  const wordStarts = offsets(text, WORD, false);
  const sentenceStarts = offsets(text, SENTENCE_END, true);
  const place = (offset: number) => ({
    word: countAtOrBefore(wordStarts, offset),
    sentence: countAtOrBefore(sentenceStarts, offset),
  });
  const placedCues = cues.map((cue) => ({ ...cue, ...place(cue.start) }));

  let brandRecommended = false;
  for (const mention of context.brand.find(text)) {
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
