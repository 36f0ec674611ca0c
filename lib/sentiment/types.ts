export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type SentimentLanguage = 'en' | 'ru' | 'bg';
export const SENTIMENT_LANGUAGES: readonly SentimentLanguage[] = ['en', 'ru', 'bg'];
/**
 * Below this confidence a suggestion is shown as uncertain: a manager should read the text before counting it.
 * Here rather than in confidence.ts so the content script reads it without bundling the lexicons.
 */
export const LOW_CONFIDENCE = 0.4;
