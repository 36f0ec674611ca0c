export type TokenKind = 'word' | 'emoticon' | 'break';
export type Script = 'latin' | 'cyrillic' | 'other';

export interface Token {
  kind: TokenKind;
  /** Lower-cased word, or the emoticon / emoji / punctuation as written. */
  text: string;
  script: Script;
  /** A word written in capitals (two letters or more), read as emphasis when the rest of the text is not shouted. */
  shouted: boolean;
  /**
   * Starts with a capital (and is not shouted): a Latin one inside Cyrillic text is usually a brand, and one in
   * the middle of an English sentence a name.
   */
  capitalized: boolean;
  /** A capital after a lower-case letter ("МегаФон", "СуперБИТ", "iPhone"): a brand or product name in any language. */
  mixedCase: boolean;
  /** Inside a short quotation (three words at most): a title, a name, or a word held at a distance ("шикарная" политика). */
  quoted: boolean;
}

export interface TokenizedText {
  tokens: Token[];
  exclamations: number;
  questions: number;
  /** True when some words are lower-case, so capitals elsewhere are emphasis rather than the writing style. */
  hasLowerCaseWords: boolean;
}

const WESTERN_EMOTICON = String.raw`(?:[<>]?[:;=][\-o*'^]?[()\[\]dDpP/\\|3*oO@$]+(?![\p{L}\p{N}])|[xX][dD]+(?![\p{L}\p{N}])|<3+|<\/3|\^[_\-.]?\^|[tT]_[tT]|-_-|[oO]_[oO])`;

// One pass over the text; each alternative is a capture group so the loop knows what matched.
const SCANNER = new RegExp(
  [
    String.raw`(https?:\/\/\S+|www\.\S+|@\w+)`, // 1 links and @mentions: skipped
    `(${WESTERN_EMOTICON})`, // 2
    String.raw`(\(+|\)+)`, // 3 bracket runs: grouping, or the Cyrillic-web ")" smile and "(" frown
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)`, // 4 emoji
    String.raw`([\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)*|\p{N}+)`, // 5 words and numbers (hyphens split: "по-добре" -> "по", "добре")
    String.raw`(!+|\?+|[.;:,…—–]+|\n)`, // 6 punctuation that ends a clause
  ].join('|'),
  'gu',
);

function scriptOf(lowerWord: string): Script {
  // Any Cyrillic letter makes it Cyrillic: a word mixing both scripts is Cyrillic text with Latin look-alike
  // letters typed in.
  let latin = false;
  for (let i = 0; i < lowerWord.length; i += 1) {
    const code = lowerWord.charCodeAt(i);
    if (code >= 0x400 && code <= 0x4ff) return 'cyrillic';
    if (code >= 0x61 && code <= 0x7a) latin = true;
  }
  return latin ? 'latin' : 'other';
}

function emoticonToken(text: string): Token {
  return { kind: 'emoticon', text, script: 'other', shouted: false, capitalized: false, mixedCase: false, quoted: false };
}

function breakToken(text: string): Token {
  return { kind: 'break', text, script: 'other', shouted: false, capitalized: false, mixedCase: false, quoted: false };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,7})|#x([\da-f]{1,6}));/gi;

/**
 * Text copied out of feeds, APIs and exports often keeps HTML entities, sometimes twice encoded ("&amp;lt;3"):
 * read as words they become "gt" and "amp", and a "&lt;3" heart is lost.
 */
function decodeEntities(text: string): string {
  let decoded = text;
  for (let pass = 0; pass < 2 && decoded.includes('&'); pass += 1) {
    decoded = decoded.replace(ENTITY, (entity, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
  }
  return decoded;
}

const SHORT_QUOTATION = /(?:["«„“”]|'')\s*([^"«»„“”'\n.!?]{1,40}?)\s*(?:["»“”]|'')/gu;
const MAX_QUOTED_WORDS = 3;

/** Character ranges of quotations of at most three words. */
function shortQuotations(text: string): [number, number][] {
  if (!/["«„“”]|''/.test(text)) return [];
  const spans: [number, number][] = [];
  for (const match of text.matchAll(SHORT_QUOTATION)) {
    const words = (match[1] ?? '').split(/\s+/).filter(Boolean).length;
    if (words > 0 && words <= MAX_QUOTED_WORDS) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

const DIGIT_OR_ENUMERATOR_BEFORE = /(?:\d|(?:^|\s)\p{L})$/u;
const WORD_CHARACTER_AFTER = /^[\p{L}\p{N}]/u;

/**
 * Splits text into words, emoticons, emoji and clause breaks. Brackets are balanced first: a ")" or "(" that
 * closes or opens nothing is the smile or frown of Russian and Bulgarian web writing ("спасибо))", "жаль(").
 */
export function tokenize(rawText: string): TokenizedText {
  const text = decodeEntities(rawText);
  const tokens: Token[] = [];
  let exclamations = 0;
  let questions = 0;
  let hasLowerCaseWords = false;
  const openBrackets: number[] = [];
  const quotedSpans = shortQuotations(text);

  for (const match of text.matchAll(SCANNER)) {
    const [whole, , emoticon, brackets, emoji, word, punctuation] = match;
    const start = match.index;
    if (emoticon !== undefined || emoji !== undefined) {
      tokens.push(emoticonToken(whole));
    } else if (brackets !== undefined) {
      if (brackets[0] === '(') {
        if (brackets.length > 1) tokens.push(emoticonToken('(('));
        else if (WORD_CHARACTER_AFTER.test(text.slice(start + 1, start + 2))) openBrackets.push(tokens.length);
        else openBrackets.push(-1 - tokens.length);
      } else {
        let unmatched = brackets.length;
        while (unmatched > 0 && openBrackets.length > 0) {
          openBrackets.pop();
          unmatched -= 1;
        }
        const before = text.slice(Math.max(0, start - 3), start);
        if (unmatched > 0 && !DIGIT_OR_ENUMERATOR_BEFORE.test(before)) tokens.push(emoticonToken(unmatched > 1 ? '))' : ')'));
      }
    } else if (word !== undefined) {
      const lower = word.toLowerCase();
      const shouted = lower !== word && word.length > 1 && word === word.toUpperCase();
      if (lower === word) hasLowerCaseWords = true;
      tokens.push({
        kind: 'word',
        text: lower,
        script: scriptOf(lower),
        shouted,
        capitalized: !shouted && word[0] !== lower[0],
        mixedCase: !shouted && word.slice(1) !== lower.slice(1),
        quoted: quotedSpans.some(([from, to]) => start > from && start < to),
      });
    } else if (punctuation !== undefined) {
      if (punctuation[0] === '!') exclamations += punctuation.length;
      else if (punctuation[0] === '?') questions += punctuation.length;
      tokens.push(breakToken(punctuation));
    }
  }

  // An opening bracket never closed and standing free (not glued to the next word) is a frown: "не радует("
  for (let i = openBrackets.length - 1; i >= 0; i -= 1) {
    const marker = openBrackets[i] as number;
    if (marker < 0) tokens.splice(-1 - marker, 0, emoticonToken('('));
  }
  return { tokens, exclamations, questions, hasLowerCaseWords };
}
