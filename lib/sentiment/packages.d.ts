// The packages below ship no type declarations for the data files this module reads.

declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** VADER's word -> mean valence table (-4 … +4), emoticons included. */
  export const lexicon: Readonly<Record<string, number>>;
}

declare module 'opinion-lexicon/lib/positiveWords.js' {
  /** Hu & Liu's positive opinion words (KDD 2004), lower-case. */
  const words: readonly string[];
  export default words;
}

declare module 'opinion-lexicon/lib/negativeWords.js' {
  /** Hu & Liu's negative opinion words (KDD 2004), lower-case. */
  const words: readonly string[];
  export default words;
}
