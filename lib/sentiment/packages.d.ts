// The packages below ship no type declarations for the data files this module reads.

declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** VADER's word -> mean valence table (-4 … +4), emoticons included. */
  export const lexicon: Readonly<Record<string, number>>;
}
