// A rating stated in the text ("Рейтинг: 4,9 · 15 отзывов", "Rated 4.2 out of 5", "4,6 от 5", "★★★★☆") is the
// strongest evidence a search result carries: review aggregators open their snippets with boilerplate ("Узнайте
// все плюсы и минусы", "read the pros and cons") that the words alone misread. Only a number that says it is a
// rating counts: a rating word before it, a star beside it, a stated scale or "stars" after it. An integer needs
// a rating word, a star, or both a scale and a unit ("3 of 5 stars", "8 баллов из 10"), since "5 из 10 человек",
// "4 out of 5 dentists", "5/10" (a date) and "4 звезды" (a hotel's class) are not ratings; a decimal with a scale
// ("4.5/5", "4,2 из 5") is.

export interface StatedRating {
  value: number;
  /** 5 unless the text states another: "/10", "из 10", "out of 100", a percentage. */
  scale: number;
  /** How many reviews or votes the rating averages, when the text says so. */
  reviews?: number;
}

/** Without a stated scale a rating is out of five stars, the scale every review aggregator shows. */
const DEFAULT_SCALE = 5;
/** How far around the number its rating word, star, scale and review count are looked for. */
const CONTEXT_CHARS = 40;

/** Most texts hold neither a digit nor a star: one scan turns them away. */
const MAY_HOLD_RATING = /[\d★⭐]/u;
// A value stands alone: not inside a word, a price, a version ("4.5.1"), a date ("12.05.2024", "3/10/2024") or a
// range ("1-5"). A leading zero is a date or a time ("01.05"), never a rating.
// The lookahead first: the lookbehind then runs at digits only, not at every character of the text.
const NUMBER = /(?=\d)(?<![\p{L}\p{N}$€£₽/]|\p{N}[.,\-–])(?:[1-9]\d{0,2}|0)(?:[.,]\d{1,2})?(?![.,]?\d)/gu;
const RATING_WORD = String.raw`(?<!\p{L})(?:ratings?|rated|рейтинг\p{L}*|оценк\p{L}*|оцен[её]н\p{L}*)`;
const RATING_WORD_BEFORE = new RegExp(String.raw`${RATING_WORD}[\s:·\-–—]*(?:(?:of|is|at)\s+)?[★⭐]?\s*$`, 'iu');
const RATING_WORD_AFTER = new RegExp(String.raw`^\s*[-–—:]?\s*${RATING_WORD}`, 'iu');
const STAR_BEFORE = /[★⭐]\s?$/u;
const STAR_AFTER = /^\s?[★⭐]/u;
const SCALE_AFTER = /^\s*(?:\/|из|от|out\s+of|of)\s*(100|10|5)(?:[.,]0)?(?![\d/]|[.,]\d)/iu;
const UNIT_AFTER = /^\s*(?:stars?|звезд\p{L}*|звёзд\p{L}*|балл\p{L}*)(?!\p{L})/iu;
const PERCENT_AFTER = /^\s?%/u;
const RANGE_AFTER = /^(?:[-–]\d|\s*(?:to|до)\s+\d)/iu;
const WORD_AFTER = /^[\s:·\-–—]*\p{L}/u;
/** Words that go on to say whose rating it is: "rated 4 by 120 guests", "4,3 на основе 50 отзывов". */
const SOURCE_AFTER = /^\s*(?:based|by|from|на\s+основ\p{L}*|по\s+\d|от\s+\d)(?!\p{L})/iu;
const REVIEWS_AFTER =
  /^[^\n]*?(?<![\d.,])(\d{1,3}(?:[\s,.]\d{3})+|\d+)\s*(?:reviews?|ratings?|votes?|отзыв\p{L}*|оцен\p{L}*|голос\p{L}*|глас\p{L}*|ревю\p{L}*|мнени\p{L}*)(?!\p{L})/iu;
/** A run of filled and empty stars ("★★★★☆", "⭐⭐⭐⭐⭐"); only runs of five or ten are a rating, not decoration. */
const STAR_RUN = /(?<![★⭐☆✩])([★⭐]+)([☆✩]*)(?![★⭐☆✩])/gu;
const STAR_RUN_SCALES: ReadonlySet<number> = new Set([5, 10]);

/** The first rating the text states, or undefined. */
export function findRating(rawText: string): StatedRating | undefined {
  if (!MAY_HOLD_RATING.test(rawText)) return undefined;
  // Emoji stars come with a variation selector; a non-breaking space is a space.
  const text = rawText.replace(/\uFE0F/g, '').replace(/[\u00a0\u202f]/g, ' ');
  return numericRating(text) ?? starRunRating(text);
}

function numericRating(text: string): StatedRating | undefined {
  for (const match of text.matchAll(NUMBER)) {
    const number = match[0];
    const end = match.index + number.length;
    const before = text.slice(Math.max(0, match.index - CONTEXT_CHARS), match.index);
    let after = text.slice(end, end + CONTEXT_CHARS);
    const take = (pattern: RegExp): RegExpExecArray | null => {
      const found = pattern.exec(after);
      if (found) after = after.slice(found[0].length);
      return found;
    };
    const hasRatingWord = RATING_WORD_BEFORE.test(before);
    const hasStar = STAR_BEFORE.test(before) || STAR_AFTER.test(after);
    if (RANGE_AFTER.test(after)) continue;
    let hasUnit = take(UNIT_AFTER) !== null;
    const statedScale = take(SCALE_AFTER)?.[1];
    hasUnit = take(UNIT_AFTER) !== null || hasUnit;
    const percent = statedScale === undefined && take(PERCENT_AFTER) !== null;
    const decimal = /[.,]/.test(number);

    const isRating = hasRatingWord
      ? // A word of its own after the number makes it a count or an amount: "рейтинг 5 лучших банков", "оценка 4,5 млн".
        statedScale !== undefined || hasUnit || percent || hasStar || !WORD_AFTER.test(after) || SOURCE_AFTER.test(after)
      : !percent &&
        (hasStar ||
          (decimal && (statedScale !== undefined || hasUnit || RATING_WORD_AFTER.test(after))) ||
          (statedScale !== undefined && hasUnit));
    const value = Number(number.replace(',', '.'));
    const scale = statedScale !== undefined ? Number(statedScale) : percent ? 100 : DEFAULT_SCALE;
    if (isRating && value <= scale) return withReviews({ value, scale }, after);
  }
  return undefined;
}

function starRunRating(text: string): StatedRating | undefined {
  for (const match of text.matchAll(STAR_RUN)) {
    const filled = [...(match[1] ?? '')].length;
    const scale = filled + [...(match[2] ?? '')].length;
    if (STAR_RUN_SCALES.has(scale)) {
      const end = match.index + match[0].length;
      return withReviews({ value: filled, scale }, text.slice(end, end + CONTEXT_CHARS));
    }
  }
  return undefined;
}

function withReviews(rating: StatedRating, after: string): StatedRating {
  const count = REVIEWS_AFTER.exec(after)?.[1];
  return count === undefined ? rating : { ...rating, reviews: Number(count.replace(/\D/g, '')) };
}

/** Where a rating turns from criticism to praise: 3.25 of 5 stars, a mediocre average on any aggregator. */
const RATING_MIDPOINT = 0.65;
/** A rating this far from the midpoint counts in full: 4 of 5 and above is praise, 2.5 and below criticism. */
const RATING_FULL_SPAN = 0.15;
/**
 * The valence of a rating that counts in full, on VADER's scale: more than any single word (the strongest rate
 * about 4; "отлично", "ужасно", "great" about 3), so boilerplate such as "плюсы и минусы", "pros and cons" or
 * "лучшие цены" never outweighs it, and less than two strong words, so a text that argues against its rating
 * still wins.
 */
export const RATING_VALENCE = 5;

/** Which way a rating leans, in [-1, 1]: in full at the ends of its scale, partly between. */
export function ratingLean(rating: StatedRating): number {
  const lean = (rating.value / rating.scale - RATING_MIDPOINT) / RATING_FULL_SPAN;
  return Math.max(-1, Math.min(1, lean));
}
