import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { translator, type Catalogs, type Translate, type UiLocale } from '@/lib/i18n';

/** The interface language of the screen below; the entry point provides it (its user's choice or browser's). */
export const LocaleContext = createContext<UiLocale>('en');

export const useLocale = (): UiLocale => useContext(LocaleContext);

/** The messages of one catalog in the screen's language. */
export function useMessages<Key extends string>(catalogs: Catalogs<Key>): Translate<Key> {
  const locale = useLocale();
  return useMemo(() => translator(catalogs, locale), [catalogs, locale]);
}
