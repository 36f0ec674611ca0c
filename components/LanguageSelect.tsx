import { LOCALE_PREFERENCES, type LocalePreference } from '@/lib/i18n';
import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import { useMessages } from './Locale';

/** Each language by its own name, as language menus show them; "auto" follows the browser. */
const LANGUAGE_NAMES: Record<Exclude<LocalePreference, 'auto'>, string> = { en: 'English', ru: 'Русский', bg: 'Български' };

/** The interface language: the browser's, or one chosen here. */
export function LanguageSelect(props: { value: LocalePreference; onChange: (preference: LocalePreference) => void }) {
  const t = useMessages(POPUP_MESSAGES);
  return (
    <label class="language">
      {t('language')}{' '}
      <select data-testid="language-select" value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as LocalePreference)}>
        {LOCALE_PREFERENCES.map((preference) => (
          <option key={preference} value={preference}>
            {preference === 'auto' ? t('browserLanguage') : LANGUAGE_NAMES[preference]}
          </option>
        ))}
      </select>
    </label>
  );
}
