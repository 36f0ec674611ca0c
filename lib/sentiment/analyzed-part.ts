/** How much of a text is read: a verdict is rarely further in than this, and the rules' cost grows with the length. */
export const MAX_ANALYZED_LENGTH = 2000;
/**
 * Runs of letters longer than this are skipped: no English, Russian or Bulgarian word is this long, and the rules'
 * cost grows fast with a word's length (20 results, each with one 20,000-letter "word", kept a worker busy for seconds).
 */
export const MAX_WORD_LENGTH = 40;
const OVERLONG_WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}'’]{${MAX_WORD_LENGTH + 1},}`, 'gu');

/**
 * The part of a text the rules read, for a suggestion and for learning from a mark alike: its first
 * MAX_ANALYZED_LENGTH characters, overlong words left out.
 */
export function analyzedPart(text: string): string {
  return text.slice(0, MAX_ANALYZED_LENGTH).replace(OVERLONG_WORD, ' ');
}
