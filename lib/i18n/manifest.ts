import { UI_LOCALES, type UiLocale } from '.';

/**
 * The words the manifest shows (the browser's list of extensions, the toolbar button, the stores' short listing,
 * the keyboard shortcuts page). They reach the manifest as `__MSG_key__` through `_locales/<locale>/messages.json`,
 * which the build writes from this catalog (wxt.config.ts): the browser picks them by its own language, as no
 * setting of the extension can reach the manifest. Plain text only: messages.json has no plural forms, and
 * placeholders are refused (`localeFiles`).
 *
 * A keyboard command's description is a key here too, named `command<Name>` (e.g. `commandToggleQuiet`), and the
 * manifest's `commands` entry says `description: manifestMessage('commandToggleQuiet')`.
 */
const en = {
  extensionName: 'Reputation Lens',
  // At most 132 characters: the Chrome Web Store refuses a longer one (test/unit/store-listing.test.ts).
  extensionDescription: 'Tag and mark search results and forum posts about your client, and track reputation KPIs month over month.',
  commandOpenPopup: 'Open the Reputation Lens popup',
  commandToggleKeyboardMarking: 'Switch keyboard marking (single keys on result pages) on or off',
  commandToggleSiteTags: 'Hide or show the tags on this site',
};

export type ManifestMessageKey = keyof typeof en;

export const MANIFEST_MESSAGES: Record<UiLocale, Record<ManifestMessageKey, string>> = {
  en,
  ru: {
    extensionName: 'Reputation Lens',
    extensionDescription: 'Отмечайте результаты поиска и сообщения на форумах о клиенте и следите за KPI репутации месяц за месяцем.',
    commandOpenPopup: 'Открыть окно Reputation Lens',
    commandToggleKeyboardMarking: 'Включить или выключить разметку клавишами (одиночные клавиши на страницах результатов)',
    commandToggleSiteTags: 'Скрыть или показать метки на этом сайте',
  },
  bg: {
    extensionName: 'Reputation Lens',
    extensionDescription: 'Отбелязвайте резултати от търсене и мнения във форуми за клиента и следете KPI на репутацията месец след месец.',
    commandOpenPopup: 'Отваряне на прозореца на Reputation Lens',
    commandToggleKeyboardMarking: 'Включване или изключване на отбелязването с клавиши (единични клавиши в страниците с резултати)',
    commandToggleSiteTags: 'Скриване или показване на етикетите в този сайт',
  },
};

/** The language the browser falls back to for a language with no messages.json: the manifest's `default_locale`. */
export const MANIFEST_DEFAULT_LOCALE: UiLocale = 'en';

/** How the manifest names a message of this catalog; the browser puts the text of its own language in its place. */
export const manifestMessage = (key: ManifestMessageKey): string => `__MSG_${key}__`;

/** The `__MSG_key__` names a manifest uses, anywhere in it. */
export function manifestMessageKeys(manifest: unknown): string[] {
  return [...new Set([...JSON.stringify(manifest).matchAll(/__MSG_(\w+?)__/g)].map((match) => match[1]!))].sort();
}

/** `_locales/<locale>/messages.json` of every interface language, as written into the extension's root. */
export function localeFiles(): { relativeDest: string; contents: string }[] {
  return UI_LOCALES.map((locale) => {
    const messages = Object.entries(MANIFEST_MESSAGES[locale]).map(([key, message]) => {
      // A `$` would be read as a placeholder by the browser, a `{name}` would be shown as typed.
      if (/[$]|\{\w+\}/.test(message)) throw new Error(`${locale} ${key}: a manifest message takes no placeholders`);
      return [key, { message }] as const;
    });
    return { relativeDest: `_locales/${locale}/messages.json`, contents: `${JSON.stringify(Object.fromEntries(messages), null, 2)}\n` };
  });
}
