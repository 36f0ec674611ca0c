import { storedValue, type ExtensionStorageArea } from '../settings/extension-storage';
import { numberFormat } from '../format/intl';

/**
 * The interface's languages. Messages live in one catalog per surface (the popup, the tag rows, the dashboard …),
 * each with the same keys in every language; plural forms follow each language's own rules (Intl.PluralRules: a
 * Russian or Bulgarian count is not an English one), numbers and months are formatted by Intl for the language.
 */
export const UI_LOCALES = ['en', 'ru', 'bg'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** What the user chose in the settings: a language, or the browser's. */
export type LocalePreference = UiLocale | 'auto';
export const LOCALE_PREFERENCES: readonly LocalePreference[] = ['auto', ...UI_LOCALES];

/** Where the choice is kept (browser.storage.local): every surface, content scripts included, reads it at start. */
export const LOCALE_PREFERENCE_KEY = 'uiLocale';

export const isUiLocale = (value: unknown): value is UiLocale => (UI_LOCALES as readonly unknown[]).includes(value);

/** The language to show: the one chosen, else the first of the browser's languages there is one for, else English. */
export function uiLocaleOf(preference: unknown, browserLanguages: readonly string[]): UiLocale {
  if (isUiLocale(preference)) return preference;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return 'en';
}

/**
 * The language to show, from the choice kept in browser.storage.local (its `local` area, passed in so lib stays
 * free of browser globals) and the browser's languages; an unreadable storage counts as no choice.
 */
export async function storedUiLocale(area: Pick<ExtensionStorageArea, 'get'>, browserLanguages: readonly string[]): Promise<UiLocale> {
  return uiLocaleOf(await storedValue(area, LOCALE_PREFERENCE_KEY).catch(() => undefined), browserLanguages);
}

/** A count's text per plural category of the language (CLDR); `other` is required, the rest as the language has them. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Text with {name} placeholders, or plural forms chosen by the {count} parameter. */
export type Message = string | PluralForms;
export type Catalogs<Key extends string> = Record<UiLocale, Record<Key, Message>>;
export type MessageParams = Record<string, string | number>;
export type Translate<Key extends string> = (key: Key, params?: MessageParams) => string;

/** Messages of one catalog in one language. */
export function translator<Key extends string>(catalogs: Catalogs<Key>, locale: UiLocale): Translate<Key> {
  // Made at their first use: the first Intl object a page makes loads the language's data, tens of ms in a tab
  // (the first tag row paid it), and the tag rows need neither.
  let plurals: Intl.PluralRules | undefined;
  const shown = (value: string | number) => {
    if (typeof value !== 'number') return value;
    // Written the same in every interface language (no grouping below 1,000, Latin digits): a percentage.
    if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
    return numberFormat(locale).format(value);
  };
  return (key, params = {}) => {
    const message = catalogs[locale][key];
    const text = typeof message === 'string' ? message : pluralForm(message, (plurals ??= new Intl.PluralRules(locale)), params.count);
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? shown(params[name]!) : placeholder));
  };
}

function pluralForm(forms: PluralForms, plurals: Intl.PluralRules, count: string | number | undefined): string {
  if (typeof count !== 'number') return forms.other;
  return forms[plurals.select(count)] ?? forms.other;
}

/** The placeholders a message uses, in every form: each language's text of a key must use the same ones. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)))].sort();
}
