import { stemmer as bulgarianStemmer } from '@orama/stemmers/bulgarian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import type { SentimentLanguage } from './types.ts';

/**
 * @orama/stemmers' Bulgarian stemmer (a port of the Lucene BulgarianStemmer) rewrites letters in place, which
 * throws on a JavaScript string in strict mode ("Cannot assign to read only property"). It only reads
 * `length`, indexes and `substring`, so it gets a writable array of letters with a `substring` of its own.
 */
class WritableWord extends Array<string> {
  substring(start: number, end?: number): string {
    return this.slice(start, end).join('');
  }
}

function stemBulgarian(word: string): string {
  const letters = WritableWord.from(word) as WritableWord;
  return bulgarianStemmer(letters as unknown as string);
}

function stemRussian(word: string): string {
  return russianStemmer(word.replaceAll('ё', 'е'));
}

export const STEMMERS: Record<SentimentLanguage, (word: string) => string> = {
  en: englishStemmer,
  ru: stemRussian,
  bg: stemBulgarian,
};
