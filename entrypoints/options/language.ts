// The dashboard's language choice is shared with the report page: it lives in lib/ui/language.ts.
export { useLanguagePreference } from '@/lib/ui/language';
