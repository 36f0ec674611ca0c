import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LOCALE_PREFERENCE_KEY, isUiLocale, uiLocaleOf, type LocalePreference, type UiLocale } from '@/lib/i18n';

/**
 * The interface language the user chose (kept in browser.storage.local, where the popup and the tag rows read it
 * at start), and the language it gives this page: the dashboard, which has the selector, and the report.
 */
export function useLanguagePreference(): { preference: LocalePreference; locale: UiLocale; choose: (preference: LocalePreference) => void } {
  const [preference, setPreference] = useState<LocalePreference>('auto');
  useEffect(() => {
    void browser.storage.local.get(LOCALE_PREFERENCE_KEY).then((stored) => {
      const chosen = stored[LOCALE_PREFERENCE_KEY];
      if (isUiLocale(chosen)) setPreference(chosen);
    });
  }, []);
  const choose = useCallback((next: LocalePreference) => {
    setPreference(next);
    void browser.storage.local.set({ [LOCALE_PREFERENCE_KEY]: next });
  }, []);
  const locale = uiLocaleOf(preference, navigator.languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return { preference, locale, choose };
}
