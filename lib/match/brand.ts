/**
 * Brand-term matching over free text (titles, snippets, forum posts).
 *
 * Every term is compiled once into a regular expression in which each letter (or letter cluster)
 * is an alternation of its spellings in both scripts, so "Яндекс" finds "yandex", "Yandeks" and
 * "iandeks", and "yandex" finds "Яндекс". Cyrillic words take a bounded set of Russian/Bulgarian
 * endings, so declined forms ("Регистратуры", "регистратурата") are found without matching unrelated
 * words that merely share a prefix.
 */

export interface BrandMatch {
  /** The brand term as it was configured. */
  term: string;
  /** UTF-16 offset of the match in the searched text. */
  index: number;
  /** UTF-16 length of the matched text (including an inflected ending or possessive). */
  length: number;
}

export interface BrandMatcher {
  matches(text: string): boolean;
  find(text: string): BrandMatch[];
}

/** Characters that continue a word: a brand never matches when one of these touches it. */
const WORD_CHAR = '\\p{L}\\p{N}\\p{M}';
const WORD_END = `(?![${WORD_CHAR}])`;
/** Checked in code rather than by a leading lookbehind, which would run at every text position. */
const ENDS_WITH_WORD_CHAR = new RegExp(`[${WORD_CHAR}]$`, 'u');
/** A domain may follow a subdomain dot, but no hyphen or underscore, and must not run on into a longer host. */
const DOMAIN_PRECEDER = `[${WORD_CHAR}_-]`;
const DOMAIN_END = `(?![${WORD_CHAR}_-]|\\.[${WORD_CHAR}])`;
/** Between the words of a multi-word term: spaces, dashes, underscores, or nothing ("AcmeClinic"). */
const WORD_SEPARATOR = '[\\s\\p{Pd}_]*';
const APOSTROPHE = "['’ʼ‘`]";
const POSSESSIVE = `(?:${APOSTROPHE}s)?`;

/** Inflection is allowed only on words at least this long, so short words never grow into others. */
const MIN_INFLECTED_LETTERS = 4;
/** Stripping an ending must leave a stem at least this long. */
const MIN_STEM_LETTERS = 3;

/** Russian noun/adjective case endings and Bulgarian plural and definite-article endings. */
const SLAVIC_ENDINGS = [
  // Russian nouns
  'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'о', 'ь', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ём', 'ам', 'ям',
  'ами', 'ями', 'ах', 'ях', 'ов', 'ев',
  // Russian adjectives
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ую', 'юю',
  'ых', 'их', 'ыми', 'ими',
  // Bulgarian plurals and definite articles
  'ът', 'ят', 'та', 'то', 'те', 'ата', 'ята', 'ото', 'ето', 'ите', 'ове', 'овете', 'ища',
];

/** Final letters removed before endings are added (the nominative ending of the term itself). */
const STRIPPABLE_FINAL = new Set(['а', 'я', 'о', 'е', 'ё', 'ы', 'и', 'у', 'ю', 'ь', 'й']);
/** Two-letter adjective endings ("Городская", "Майский") removed as a whole. */
const STRIPPABLE_ADJECTIVE = new Set(['ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой']);

const CYRILLIC_VOWELS = new Set([...'аеёиоуыэюяіїє']);
const LATIN_VOWELS = new Set([...'aeiouy']);

/**
 * Spellings of each Cyrillic letter: the letter itself, its look-alike or merged Cyrillic forms,
 * and the Latin transliterations in common use (scholarly, passport, Bulgarian streamlined, informal).
 */
const CYRILLIC_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  а: ['а', 'a'],
  б: ['б', 'b'],
  в: ['в', 'v', 'w'],
  г: ['г', 'g'],
  д: ['д', 'd'],
  е: ['е', 'ё', 'е\u0308', 'e'],
  ё: ['ё', 'е\u0308', 'е', 'yo', 'jo', 'io', 'e'],
  ж: ['ж', 'zh', 'j'],
  з: ['з', 'z'],
  и: ['и', 'і', 'i'],
  й: ['й', 'и\u0306', 'y', 'i', 'j'],
  к: ['к', 'k', 'c', 'ck'],
  л: ['л', 'l'],
  м: ['м', 'm'],
  н: ['н', 'n'],
  о: ['о', 'o'],
  п: ['п', 'p'],
  р: ['р', 'r'],
  с: ['с', 's'],
  т: ['т', 't'],
  у: ['у', 'u'],
  ф: ['ф', 'f', 'ph'],
  х: ['х', 'kh', 'h'],
  ц: ['ц', 'ts', 'tz', 'c'],
  ч: ['ч', 'ch', 'tch'],
  ш: ['ш', 'sh'],
  щ: ['щ', 'shch', 'sch', 'sht', 'shh'],
  // Bulgarian ъ is a vowel; its Russian separator use is handled in cyrillicUnit().
  ъ: ['ъ', 'a', 'u', 'y', 'ă'],
  ы: ['ы', 'y', 'i'],
  ь: ['ь', "'", '’', ''],
  э: ['э', 'е', 'e'],
  ю: ['ю', 'yu', 'iu', 'ju'],
  я: ['я', 'ya', 'ia', 'ja'],
  і: ['і', 'и', 'i'],
  ї: ['ї', 'yi', 'ji', 'i'],
  є: ['є', 'ye', 'ie', 'je'],
  ґ: ['ґ', 'g'],
};

/** Cyrillic clusters with a transliteration that is not letter by letter. */
const CYRILLIC_CLUSTERS: Readonly<Record<string, readonly string[]>> = {
  кс: ['кс', 'ks', 'x', 'cs'],
};
/** A word-final "-ий"/"-ый" is written -iy, -ij, -ii, -yi or a bare -y/-i in Latin. */
const CYRILLIC_FINAL_CLUSTERS: Readonly<Record<string, readonly string[]>> = {
  ий: ['ий', 'ый', 'iy', 'ij', 'ii', 'yi', 'yj', 'y', 'i'],
  ый: ['ый', 'ий', 'iy', 'yj', 'ii', 'yi', 'y', 'i'],
};
/** Iotated vowel at the start of a word or after a vowel or separator sign: "Евросеть" = "Yevroset". */
const IOTATED_E = ['е', 'ё', 'е\u0308', 'э', 'e', 'ye', 'je'];
/** Russian ъ before an iotated vowel only separates ("Объявление" = "Obyavlenie"). */
const SEPARATOR_HARD_SIGN = ['ъ', "'", '’', ''];
const IOTATED_AFTER_SEPARATOR = new Set(['е', 'ё', 'ю', 'я']);

/**
 * Latin letter groups read as transliterations: each lists the alternative Latin spellings of the
 * same sound and its Cyrillic spellings. Longer groups are tried first.
 */
const LATIN_GROUPS: Readonly<Record<string, readonly string[]>> = {
  shch: ['shch', 'sch', 'щ', 'шч'],
  sch: ['sch', 'shch', 'щ', 'ш'],
  sht: ['sht', 'щ', 'шт'],
  zh: ['zh', 'ж'],
  kh: ['kh', 'h', 'х'],
  ts: ['ts', 'tz', 'ц', 'тс'],
  tz: ['tz', 'ts', 'ц'],
  ch: ['ch', 'ч', 'ш'],
  sh: ['sh', 'ш'],
  ck: ['ck', 'k', 'к'],
  ph: ['ph', 'f', 'ф'],
  ya: ['ya', 'ia', 'ja', 'я', 'ия', 'иа', 'ья', 'йа', 'йя'],
  ia: ['ia', 'ya', 'ja', 'я', 'ия', 'иа', 'ья'],
  ja: ['ja', 'ya', 'ia', 'я', 'джа', 'жа'],
  yu: ['yu', 'iu', 'ju', 'ю', 'ию', 'иу', 'ью', 'йу'],
  iu: ['iu', 'yu', 'ju', 'ю', 'ию', 'иу'],
  ju: ['ju', 'yu', 'iu', 'ю', 'джу', 'жу'],
  yo: ['yo', 'jo', 'ё', 'е', 'йо', 'ьо'],
  jo: ['jo', 'yo', 'ё', 'йо', 'джо', 'жо'],
  ye: ['ye', 'je', 'e', 'е', 'э', 'йе', 'ье'],
  je: ['je', 'ye', 'е', 'э', 'дже', 'же'],
  a: ['a', 'а'],
  b: ['b', 'б'],
  c: ['c', 'к', 'ц', 'с'],
  d: ['d', 'д'],
  e: ['e', 'е', 'ё', 'э'],
  f: ['f', 'ф'],
  g: ['g', 'г'],
  h: ['h', 'kh', 'х', 'г'],
  i: ['i', 'и', 'і', 'й', 'ы'],
  j: ['j', 'zh', 'й', 'ж', 'дж'],
  k: ['k', 'к'],
  l: ['l', 'л'],
  m: ['m', 'м'],
  n: ['n', 'н'],
  o: ['o', 'о'],
  p: ['p', 'п'],
  q: ['q', 'к'],
  r: ['r', 'р'],
  s: ['s', 'с'],
  t: ['t', 'т'],
  u: ['u', 'у'],
  v: ['v', 'w', 'в'],
  w: ['w', 'v', 'в', 'у'],
  x: ['x', 'ks', 'кс'],
  y: ['y', 'й', 'ы', 'и'],
  z: ['z', 'з'],
};
/** A Latin word ending in -y/-i sound is also spelled with the other letter or -iy/-ij ("Dmitry"/"Dmitriy"). */
const LATIN_FINAL_GROUPS: Readonly<Record<string, readonly string[]>> = {
  iy: ['iy', 'ij', 'ii', 'yi', 'yj', 'y', 'i', 'ий', 'ый', 'ы', 'и'],
  ij: ['ij', 'iy', 'ii', 'y', 'i', 'ий', 'ый', 'и'],
  ii: ['ii', 'iy', 'ij', 'y', 'i', 'ий', 'ый', 'и'],
  yi: ['yi', 'iy', 'ij', 'ii', 'y', 'ый', 'ий'],
  yj: ['yj', 'iy', 'ij', 'y', 'ый', 'ий'],
  y: ['y', 'i', 'iy', 'ij', 'ii', 'ы', 'и', 'ий', 'ый', 'й'],
};
const LATIN_GROUP_LENGTHS = [4, 3, 2, 1];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(spellings: readonly string[]): string {
  const unique = [...new Set(spellings)].sort((a, b) => b.length - a.length);
  return `(?:${unique.map(escapeRegExp).join('|')})`;
}

const LETTER = /\p{L}/u;
const APOSTROPHE_CHAR = new RegExp(`^${APOSTROPHE}$`, 'u');
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** A regex fragment and how many characters of the word it consumed. */
interface Unit {
  pattern: string;
  consumed: number;
}

function cyrillicUnit(word: string, at: number): Unit | null {
  const pair = word.slice(at, at + 2);
  const isFinalPair = at + 2 === word.length;
  const finalCluster = isFinalPair ? CYRILLIC_FINAL_CLUSTERS[pair] : undefined;
  if (finalCluster) return { pattern: alternation(finalCluster), consumed: 2 };
  const cluster = CYRILLIC_CLUSTERS[pair];
  if (cluster) return { pattern: alternation(cluster), consumed: 2 };

  const letter = word.charAt(at);
  const previous = word.charAt(at - 1);
  if (letter === 'е' && (at === 0 || CYRILLIC_VOWELS.has(previous) || previous === 'ъ' || previous === 'ь')) {
    return { pattern: alternation(IOTATED_E), consumed: 1 };
  }
  if (letter === 'ъ' && IOTATED_AFTER_SEPARATOR.has(word.charAt(at + 1))) {
    return { pattern: alternation(SEPARATOR_HARD_SIGN), consumed: 1 };
  }
  const spellings = CYRILLIC_SPELLINGS[letter];
  return spellings ? { pattern: alternation(spellings), consumed: 1 } : null;
}

function latinUnit(word: string, at: number): Unit | null {
  for (const size of LATIN_GROUP_LENGTHS) {
    const group = word.slice(at, at + size);
    if (group.length !== size) continue;
    const isFinal = at + size === word.length;
    const afterConsonant = at > 0 && !LATIN_VOWELS.has(word.charAt(at - 1));
    const finalSpellings = isFinal && afterConsonant ? LATIN_FINAL_GROUPS[group] : undefined;
    if (finalSpellings) return { pattern: alternation(finalSpellings), consumed: size };
    const spellings = LATIN_GROUPS[group];
    if (spellings) return { pattern: alternation(spellings), consumed: size };
  }
  return null;
}

/** The regex for the characters of one word, each letter standing for all its spellings. */
function spellingPattern(word: string): string {
  let pattern = '';
  let at = 0;
  while (at < word.length) {
    const char = word.charAt(at);
    const unit = CYRILLIC.test(char) ? cyrillicUnit(word, at) : LATIN.test(char) ? latinUnit(word, at) : null;
    if (unit) {
      pattern += unit.pattern;
      at += unit.consumed;
    } else if (APOSTROPHE_CHAR.test(char)) {
      pattern += `${APOSTROPHE}?`;
      at += 1;
    } else {
      // Digits, symbols and letters of other scripts stand for themselves.
      const codePoint = String.fromCodePoint(word.codePointAt(at) ?? 0);
      pattern += escapeRegExp(codePoint);
      at += codePoint.length;
    }
  }
  return pattern;
}

function letterCount(word: string): number {
  let count = 0;
  for (const char of word) if (LETTER.test(char)) count += 1;
  return count;
}

const ENDINGS_PATTERN = alternation(SLAVIC_ENDINGS);

/** How many final characters of a Cyrillic word are its own ending, replaced by SLAVIC_ENDINGS. */
function strippedEndingLength(word: string): number {
  const lastTwo = word.slice(-2);
  if (STRIPPABLE_ADJECTIVE.has(lastTwo) && letterCount(word.slice(0, -2)) >= MIN_STEM_LETTERS) return 2;
  if (STRIPPABLE_FINAL.has(word.slice(-1)) && letterCount(word.slice(0, -1)) >= MIN_STEM_LETTERS) return 1;
  return 0;
}

/** One word of a term: its spellings, plus Slavic endings where the word is long enough. */
function wordPattern(word: string): string {
  const inflects = letterCount(word) >= MIN_INFLECTED_LETTERS;
  if (inflects && CYRILLIC.test(word)) {
    const strip = strippedEndingLength(word);
    if (strip === 0) return `${spellingPattern(word)}${ENDINGS_PATTERN}?`;
    const stem = word.slice(0, -strip);
    const ownEnding = spellingPattern(word.slice(-strip));
    // The term's own ending is kept as an alternative so its Latin spelling ("registratura") still matches.
    return `${spellingPattern(stem)}(?:${ENDINGS_PATTERN}|${ownEnding})`;
  }
  const last = word.slice(-1);
  // A Latin brand declined in Cyrillic text ("Яндекса" for "Yandex") takes the endings after a consonant.
  if (inflects && LATIN.test(last) && !LATIN_VOWELS.has(last)) return `${spellingPattern(word)}${ENDINGS_PATTERN}?`;
  return spellingPattern(word);
}

const DOMAIN_TERM = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*$/u;

function normalizeTerm(term: string): string {
  return term.normalize('NFC').trim().toLowerCase().replace(/\s+/gu, ' ');
}

/** A pasted address ("https://www.acme.com/") stands for its host name. */
function domainOf(term: string): string | null {
  const host = term.replace(/^[a-z][a-z0-9+.-]*:\/\//u, '').replace(/[/?#].*$/u, '').replace(/^www\./u, '');
  return DOMAIN_TERM.test(host) ? host : null;
}

/**
 * The whole regex for one term, its end boundary included (a word term's start is checked by
 * wordStartMatches); null for a term with nothing to match.
 */
function termPattern(term: string): string | null {
  const normalized = normalizeTerm(term);
  const domain = domainOf(normalized);
  if (domain) {
    const literal = escapeRegExp(domain);
    return `${literal}(?<!${DOMAIN_PRECEDER}${literal})${DOMAIN_END}`;
  }
  const words = normalized.split(/[\s\p{Pd}_]+/u).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return `${words.map(wordPattern).join(WORD_SEPARATOR)}${POSSESSIVE}${WORD_END}`;
}

/**
 * Lower case with every UTF-16 offset kept, so matches in the lowered text point into the original.
 * Only U+0130 (İ) grows when lowered in JavaScript; it is read as a plain I.
 */
export function lowerCaseKeepingOffsets(text: string): string {
  return text.replace(/\u0130/gu, 'I').toLowerCase();
}

/** Whether a match at `index` starts a word: no letter, digit or mark right before it. */
function startsWord(text: string, index: number): boolean {
  return !ENDS_WITH_WORD_CHAR.test(text.slice(Math.max(0, index - 2), index));
}

/**
 * Every match of a global regex that starts a word; a match that starts inside a word is tried
 * again from the next character, so a shorter alternative there is not lost.
 */
export function* wordStartMatches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (startsWord(text, match.index)) yield match;
    else pattern.lastIndex = match.index + 1;
  }
}

export function buildBrandMatcher(terms: readonly string[]): BrandMatcher {
  const compiled = new Map<string, { term: string; pattern: string }>();
  for (const term of terms) {
    const key = normalizeTerm(term);
    if (compiled.has(key)) continue;
    const pattern = termPattern(term);
    if (pattern) compiled.set(key, { term, pattern });
  }
  // Longer terms first, so "Acme Clinic" wins over "Acme" where both start at the same place.
  const ordered = [...compiled.values()].sort((a, b) => b.term.length - a.term.length);
  if (ordered.length === 0) return { matches: () => false, find: () => [] };

  // Patterns are written in lower case and run without the i flag over lowered text: several
  // times faster than case-insensitive Unicode matching.
  const finder = new RegExp(ordered.map(({ pattern }) => `(${pattern})`).join('|'), 'gu');

  function find(text: string): BrandMatch[] {
    const found: BrandMatch[] = [];
    for (const match of wordStartMatches(finder, lowerCaseKeepingOffsets(text))) {
      const group = match.findIndex((value, index) => index > 0 && value !== undefined);
      const term = ordered[group - 1]?.term;
      if (term !== undefined) found.push({ term, index: match.index, length: match[0].length });
    }
    return found;
  }

  return {
    matches(text: string): boolean {
      const first = wordStartMatches(finder, lowerCaseKeepingOffsets(text)).next();
      return first.done !== true;
    },
    find,
  };
}
