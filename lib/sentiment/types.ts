export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type SentimentLanguage = 'en' | 'ru' | 'bg';
export const SENTIMENT_LANGUAGES: readonly SentimentLanguage[] = ['en', 'ru', 'bg'];
