/**
 * What the scorer needs to know about one language besides its word list. Valences are on VADER's scale
 * (about -4 … +4), so entries from every source can be added up.
 */
export interface LanguageRules {
  /** Words that flip the valence of a sentiment word up to three words after them ("not", "не", "без"). */
  negators: ReadonlySet<string>;
  /** Word endings that negate the word itself (English "n't"). */
  negatingSuffixes: readonly string[];
  /** Intensifiers ("very", "очень", "много") and dampeners ("slightly", "немного"), as added valence. */
  boosters: ReadonlyMap<string, number>;
  /**
   * Sentiment words that intensify instead when a sentiment word follows them directly: "ужасно вкусно",
   * "страшно доволна", "terribly funny" (but "беше ужасно" stays negative).
   */
  intensifyingWords: ReadonlySet<string>;
  /** Particles that make a clause a question without a question mark (Bulgarian "ли": "бихте ли препоръчали"). */
  questionParticles: ReadonlySet<string>;
  /** Words of seeking: praise after them describes what is wanted, not what was had ("търся", "посоветуйте"). */
  seekingWords: ReadonlySet<string>;
  /** Contrast words ("but", "но", "обаче"): in their sentence, what follows counts more than what precedes. */
  contrasts: ReadonlySet<string>;
  /** Our own review and reputation vocabulary: surface forms, checked before the stemmed package lexicon. */
  words: ReadonlyMap<string, number>;
  /**
   * Our own vocabulary as word beginnings (stem + any ending: "мошенни" covers мошенники, мошенничество …),
   * the way Slavic inflection and derivation are best covered. The longest matching beginning wins.
   */
  prefixes: ReadonlyMap<string, number>;
  /** Multi-word expressions (lower-case, single spaces) whose valence replaces their words' (0 cancels them). */
  phrases: ReadonlyMap<string, number>;
  /**
   * Word beginnings of things a product or service is expected to do, neutral when said and negative when
   * denied: "не работает", "нет связи", "doesn't load". The value is the valence under negation.
   */
  failures: ReadonlyMap<string, number>;
  /**
   * Words that carry their valence only right after one of the given words: English "like" is a verb of
   * liking after "I", "really", "don't" …, and a preposition elsewhere ("looks like", "treated like").
   */
  licensedWords: ReadonlyMap<string, ReadonlySet<string>>;
}

export const BOOST = 0.293;
export const DAMPEN = -0.293;

/** Builds a map from `valence: "word word …"` groups; a word listed twice is a mistake and throws. */
export function valenceMap(groups: Readonly<Record<string, string>>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [valence, words] of Object.entries(groups)) {
    const value = Number(valence);
    if (Number.isNaN(value)) throw new Error(`valence "${valence}" is not a number`);
    for (const word of words.split(/\s+/)) {
      if (!word) continue;
      if (map.has(word)) throw new Error(`"${word}" is listed twice`);
      map.set(word, value);
    }
  }
  return map;
}

/** Builds a phrase map from `valence: "phrase one | phrase two"` groups. */
export function phraseMap(groups: Readonly<Record<string, string>>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [valence, phrases] of Object.entries(groups)) {
    const value = Number(valence);
    if (Number.isNaN(value)) throw new Error(`valence "${valence}" is not a number`);
    for (const phrase of phrases.split('|')) {
      const normalised = phrase.trim().replace(/\s+/g, ' ');
      if (!normalised) continue;
      if (map.has(normalised)) throw new Error(`"${normalised}" is listed twice`);
      map.set(normalised, value);
    }
  }
  return map;
}
