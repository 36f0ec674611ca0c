/**
 * Numbers as people type them in their own locale: "150 000", "150 000 ₽", "1 234,5", "1,234.5",
 * "70 %". Anything that could be read two ways, or that names a scale ("1,5 млн"), is refused with a
 * message that says what to type instead: a misread budget is worse than a question.
 */

import { translator, type MessageParams, type UiLocale } from '../i18n';
import { NUMBER_MESSAGES, type NumberMessageKey } from '../i18n/numbers';
import { numberFormat } from './intl';

export type NumberReading = { ok: true; value: number } | { ok: false; error: string };

export interface NumberOptions {
  /** The user's locale (the browser's by default): it decides what a lone "," or "." means. */
  locale?: string;
  /** Accepts a trailing or leading % (the number is returned as typed, not divided by 100). */
  percent?: boolean;
  /** Only whole numbers (counts). */
  whole?: boolean;
  /** Refuses numbers below zero. */
  nonNegative?: boolean;
  /** The language the refusal is written in (the interface's); English by default. */
  language?: UiLocale;
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
/** Currency signs and codes a manager in Russia, Bulgaria or elsewhere may type after an amount. */
const CURRENCY = /(₽|руб\.?|р\.|лв\.?|bgn|rub|usd|eur|gbp|\$|€|£)/giu;
const SCALE_WORDS = /(тыс|млн|млрд|хил|мил|k\b|m\b|mln|bn|thousand|million|billion)/iu;
const GROUP_OF_THREE = /^\d{1,3}(?:[.,]\d{3})+$/;

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

function separatorsOf(locale: string | undefined): Separators {
  const key = locale ?? '';
  let separators = separatorCache.get(key);
  if (!separators) {
    let group = ',';
    let decimal = '.';
    try {
      for (const part of numberFormat(locale).formatToParts(12345.6)) {
        if (part.type === 'group') group = part.value;
        if (part.type === 'decimal') decimal = part.value;
      }
    } catch {
      // An unknown locale reads like English.
    }
    separators = { group, decimal };
    separatorCache.set(key, separators);
  }
  return separators;
}

/** A reason a number was refused: a message of NUMBER_MESSAGES and its parameters. */
type Refusal = { key: NumberMessageKey; params?: MessageParams };

/** Reads `text` as a number in the user's locale, or says why it cannot. Empty text is an error too. */
export function parseLocaleNumber(text: string, options: NumberOptions = {}): NumberReading {
  const reading = readLocaleNumber(text, options);
  if (typeof reading === 'number') return { ok: true, value: reading };
  return { ok: false, error: translator(NUMBER_MESSAGES, options.language ?? 'en')(reading.key, reading.params) };
}

function readLocaleNumber(text: string, options: NumberOptions): number | Refusal {
  const typed = text.trim();
  const refuse = (key: NumberMessageKey, params: MessageParams = {}): Refusal => ({ key, params: { typed, ...params } });
  if (typed === '') return refuse('numberEmpty');
  if (SCALE_WORDS.test(typed)) return refuse('numberScaleWord');
  let body = typed.replace(CURRENCY, '');
  if (options.percent) body = body.replace(/%/g, '');
  const negative = /^\s*[-−]/.test(body);
  body = body.replace(/^\s*[-−]/, '');
  // Spaces of any width group digits ("150 000"): only between groups of three.
  if (/\d[\s\u00a0\u202f\u2009\u2007]+\d/.test(body) && !/^\d{1,3}(?:[\s\u00a0\u202f\u2009\u2007]\d{3})*(?:[.,]\d+)?$/.test(body.trim())) {
    return refuse('numberSpaces');
  }
  body = body.replace(SPACES, '');
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return refuse('numberInvalid');

  const value = readDigits(body, separatorsOf(options.locale));
  if (typeof value !== 'number') return refuse(value.key, value.params);
  const signed = negative ? -value : value;
  if (!Number.isFinite(signed)) return refuse('numberInvalid');
  if (options.nonNegative && signed < 0) return refuse('numberNegative');
  if (options.whole && !Number.isInteger(signed)) return refuse('numberNotWhole');
  return signed;
}

/** Digits with at most "." and ",": which one is the decimal point, or why that cannot be told. */
function readDigits(body: string, locale: Separators): number | Refusal {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal point, the other groups thousands ("1,234.5", "1.234,5").
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const [whole, fraction] = splitAt(body, decimal);
    if (fraction.includes('.') || fraction.includes(',') || !GROUP_OF_THREE.test(whole)) return { key: 'numberInvalid' };
    return Number(`${whole.replace(/[.,]/g, '')}.${fraction}`);
  }
  const separator = dots > 0 ? '.' : commas > 0 ? ',' : null;
  if (separator === null) return Number(body);
  const count = Math.max(dots, commas);
  if (count > 1) {
    // Repeated: it groups thousands ("1.500.000").
    return GROUP_OF_THREE.test(body) ? Number(body.replace(/[.,]/g, '')) : { key: 'numberInvalid' };
  }
  const [whole, fraction] = splitAt(body, separator);
  if (whole === '' || fraction === '') return { key: 'numberInvalid' };
  const couldGroup = fraction.length === 3 && whole.length <= 3;
  if (couldGroup && separator === locale.group) return Number(whole + fraction);
  if (couldGroup && separator !== locale.decimal) {
    return { key: 'numberAmbiguous', params: { whole: `${whole}${fraction}`, decimal: locale.decimal } };
  }
  return Number(`${whole}.${fraction}`);
}

function splitAt(body: string, separator: string): [string, string] {
  const index = body.lastIndexOf(separator);
  return [body.slice(0, index), body.slice(index + 1)];
}

/** A number as the user's locale writes it, grouped ("150 000" in Russian), for a field showing a stored value. */
export function formatLocaleNumber(value: number, locale?: string): string {
  try {
    return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  } catch {
    return String(value);
  }
}
