/**
 * Forum post dates: the machine-readable time a page carries beside a post, and absolute dates as
 * displayed in English, Russian, Bulgarian and German. Relative forms ("2 hours ago", "вчера в
 * 12:30", "Today") and dates without a year are left unparsed: a guessed date is worse than none,
 * because KPIs are filed by month. Output is ISO 8601: `...Z` when the time zone is known, a local
 * date-time or a bare date otherwise.
 */

/** Month names and abbreviations, one line per month (en, de, ru nominative + genitive, bg). */
const MONTH_NAMES_BY_MONTH = [
  'january jan januar jänner jän январь января янв януари яну',
  'february feb februar feber февраль февраля фев февр февруари',
  'march mar märz maerz mär mrz март марта мар',
  'april apr апрель апреля апр април',
  'may mai май мая',
  'june jun juni июнь июня июн юни',
  'july jul juli июль июля июл юли',
  'august aug август августа авг',
  'september sep sept сентябрь сентября сен сент септември',
  'october oct oktober okt октябрь октября окт октомври',
  'november nov ноябрь ноября ноя ноември',
  'december dec dezember dez декабрь декабря дек декември',
];

const MONTH_BY_NAME = new Map<string, number>(
  MONTH_NAMES_BY_MONTH.flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
);

/** Longest names first, so that "marta" is not read as "mar" followed by letters. */
const MONTH_PATTERN = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
/** A year: four digits, or two when no clock (":") or further digit follows. */
const YEAR = '(\\d{4}|\\d{2}(?![:\\d]))';

const DAY_MONTH_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}(\\d{1,2})\\.?\\s*(${MONTH_PATTERN})${NOT_LETTER_AFTER}\\.?,?\\s*${YEAR}(?!\\d)`,
  'iu',
);
const MONTH_DAY_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}(${MONTH_PATTERN})${NOT_LETTER_AFTER}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d),?\\s+${YEAR}(?!\\d)`,
  'iu',
);
const ISO_LIKE =
  /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?(?!\d)/i;
/** Day first: the dotted form is the Russian, Bulgarian and German way. */
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?![:\d]))(?![\d.])/;
/** Slashes or dashes: month-first in the US, day-first elsewhere, so only an unambiguous one is read. */
const SLASHED = /(?<![\d/-])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2}(?![:\d]))(?![\d/-])/;
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CLOCK = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)(?:\s*([ap])\.?\s*m\b\.?)?/i;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function validDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

function validTime(hour: number, minute: number, second: number, meridiem?: string): ClockTime | undefined {
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatLocal(date: CalendarDate, time?: ClockTime): string {
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  return time ? `${day}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}` : day;
}

/** "Z", "UTC", "+0400", "-04:00" as minutes east of UTC. */
function offsetMinutes(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
  const size = Number(hours) * 60 + Number(minutes);
  return sign === '-' ? -size : size;
}

function formatUtc(date: CalendarDate, time: ClockTime, milliseconds: number, zone: string): string {
  const local = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, milliseconds);
  return new Date(local - offsetMinutes(zone) * 60_000).toISOString();
}

interface DateMatch {
  date: CalendarDate;
  /** Where the date sits in the text, so that its digits are not read again as a clock. */
  start: number;
  end: number;
}

function located(match: RegExpExecArray, date: CalendarDate | undefined): DateMatch | undefined {
  return date && { date, start: match.index, end: match.index + match[0].length };
}

function findNamedMonthDate(text: string): DateMatch | undefined {
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) {
    const [, day, month, year] = dayFirst;
    const found = located(dayFirst, validDate(fullYear(year!), MONTH_BY_NAME.get(month!.toLowerCase())!, Number(day)));
    if (found) return found;
  }
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) {
    const [, month, day, year] = monthFirst;
    return located(monthFirst, validDate(fullYear(year!), MONTH_BY_NAME.get(month!.toLowerCase())!, Number(day)));
  }
  return undefined;
}

function findNumericDate(text: string): DateMatch | undefined {
  const cjk = CJK.exec(text);
  if (cjk) return located(cjk, validDate(Number(cjk[1]), Number(cjk[2]), Number(cjk[3])));
  const dotted = DOTTED.exec(text);
  if (dotted) return located(dotted, validDate(fullYear(dotted[3]!), Number(dotted[2]), Number(dotted[1])));
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const first = Number(slashed[1]);
    const second = Number(slashed[2]);
    const year = fullYear(slashed[3]!);
    if (first > 12 && second <= 12) return located(slashed, validDate(year, second, first));
    if (second > 12 && first <= 12) return located(slashed, validDate(year, first, second));
  }
  return undefined;
}

function findClock(text: string, date: DateMatch): ClockTime | undefined {
  const outsideDate = `${text.slice(0, date.start)} ${text.slice(date.end)}`;
  const clock = CLOCK.exec(outsideDate);
  return clock ? validTime(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), clock[4]) : undefined;
}

/** ISO 8601 and its common relatives ("2016-07-28 13:01:42Z", "2024-05-12T16:59:43.743000+0000"). */
function parseIsoLike(text: string): string | undefined {
  const match = ISO_LIKE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const date = validDate(Number(year), Number(month), Number(day));
  if (!date) return undefined;
  if (hour === undefined) return formatLocal(date);
  const time = validTime(Number(hour), Number(minute), Number(second ?? 0));
  if (!time) return undefined;
  if (!zone) return formatLocal(date, time);
  return formatUtc(date, time, Number((fraction ?? '').padEnd(3, '0').slice(0, 3)), zone);
}

/**
 * An absolute date as a forum displays it, found anywhere in `text` ("by anna » Mon Mar 04, 2024
 * 9:15 pm"); undefined for relative dates, dates without a year and ambiguous numeric dates.
 */
export function parseDisplayedDate(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 500) return undefined;
  const normalized = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
  const iso = parseIsoLike(normalized);
  if (iso) return iso;
  const date = findNamedMonthDate(normalized) ?? findNumericDate(normalized);
  return date && formatLocal(date.date, findClock(normalized, date));
}

const RELATIVE_DATE =
  /\b(ago|just now|today|yesterday)\b|назад|сегодня|вчера|преди|днес|heute|gestern|\bvor\s+\d|\d\s*(天|小时|分钟|秒)|^\d+\s*(m|min|h|hr|d|w|mo|y)\.?$/iu;
const MONTH_AND_DAY = new RegExp(
  `${NOT_LETTER_BEFORE}(?:\\d{1,2}\\.?\\s*(?:${MONTH_PATTERN})${NOT_LETTER_AFTER}|(?:${MONTH_PATTERN})${NOT_LETTER_AFTER}\\.?\\s*\\d{1,2}(?!\\d))`,
  'iu',
);
const NUMERIC_DAY_MONTH = /(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)/;

/**
 * Whether a short text is a post date of any kind, parseable or not: absolute, relative ("2 hours
 * ago", "вчера в 12:30"), without a year ("May 20") or ambiguous ("07-12-2021"). For recognising
 * where a date sits, never for its value.
 */
export function looksLikeDate(text: string): boolean {
  return (
    RELATIVE_DATE.test(text) ||
    MONTH_AND_DAY.test(text) ||
    NUMERIC_DAY_MONTH.test(text) ||
    parseDisplayedDate(text) !== undefined
  );
}

/** Unix time in seconds (XenForo) or milliseconds (Discourse): told apart by size. */
function fromUnixTime(value: string | null): string | undefined {
  if (!value || !/^\d{9,13}$/.test(value.trim())) return undefined;
  const number = Number(value);
  return new Date(number < 1e11 ? number * 1000 : number).toISOString();
}

function fromAttributeText(value: string | null): string | undefined {
  return value ? parseIsoLike(value.trim()) ?? parseDisplayedDate(value) : undefined;
}

/** The time an element states in its attributes, strongest evidence first. */
function attributeTime(element: Element): string | undefined {
  return (
    fromAttributeText(element.getAttribute('datetime')) ??
    fromUnixTime(element.getAttribute('data-time')) ??
    fromUnixTime(element.getAttribute('data-timestamp')) ??
    (element.hasAttribute('data-datestring')
      ? parseDisplayedDate(`${element.getAttribute('data-datestring')} ${element.getAttribute('data-timestring') ?? ''}`)
      : undefined) ??
    fromAttributeText(element.getAttribute('ts')) ??
    (/^date(Created|Published)$/.test(element.getAttribute('itemprop') ?? '')
      ? fromAttributeText(element.getAttribute('content'))
      : undefined) ??
    fromAttributeText(element.getAttribute('title'))
  );
}

const MACHINE_TIME_SELECTOR =
  '[datetime], [data-time], [data-timestamp], [data-datestring], [ts], [itemprop="dateCreated"], [itemprop="datePublished"]';
/** How far up a date element may sit inside the element that carries its time. */
const ANCESTOR_LEVELS = 3;

/**
 * The machine-readable time of a date element: its own attributes, then those of the first
 * descendant that has one, then of a close ancestor (a `<time>` wrapping the shown text).
 */
export function machineDateOf(element: Element | null): string | undefined {
  if (!element) return undefined;
  try {
    const own = attributeTime(element);
    if (own) return own;
    for (const descendant of Array.from(element.querySelectorAll(`${MACHINE_TIME_SELECTOR}, [title]`))) {
      const found = attributeTime(descendant);
      if (found) return found;
    }
    let ancestor = element.parentElement;
    for (let level = 0; ancestor && level < ANCESTOR_LEVELS; level += 1, ancestor = ancestor.parentElement) {
      const found = ancestor.matches(MACHINE_TIME_SELECTOR) ? attributeTime(ancestor) : undefined;
      if (found) return found;
    }
  } catch {
    // A detached or exotic node: no machine time rather than an exception in the content script.
  }
  return undefined;
}
