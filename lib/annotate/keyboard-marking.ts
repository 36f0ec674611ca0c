import { storedValue, type ExtensionStorageArea } from '../settings/extension-storage';
import type { MarkAction } from './tag-row-view';

/** What a key of keyboard marking does: a row's mark, or choosing the next or previous item. */
export type KeyboardAction = MarkAction | 'next' | 'previous';

/**
 * The single keys of keyboard marking, in the order the popup lists them. A letter is also known by its physical
 * key (`code`): in a Russian or Bulgarian layout the same keys type к, о, л.
 */
export const MARKING_KEYS: ReadonlyArray<{ key: string; code?: string; action: KeyboardAction }> = [
  { key: '1', action: 'positive' },
  { key: '2', action: 'neutral' },
  { key: '3', action: 'negative' },
  { key: '0', action: 'irrelevant' },
  { key: 'r', code: 'KeyR', action: 'recommends' },
  { key: 'j', code: 'KeyJ', action: 'next' },
  { key: 'k', code: 'KeyK', action: 'previous' },
];

const LATIN_LETTER = /^[a-z]$/i;

/**
 * The action of a key press, or null when it is none of ours. Digits go by the character typed (a layout whose
 * digit row types other characters needs Shift for them); letters only without Shift (Shift+J, "?" and the like
 * are the page's), by the character in a Latin layout and by the physical key in any other.
 */
export function keyboardActionOf(event: { key: string; code: string; shiftKey: boolean }): KeyboardAction | null {
  for (const { key, code, action } of MARKING_KEYS) {
    if (code === undefined) {
      if (event.key === key) return action;
      continue;
    }
    if (event.shiftKey) continue;
    const typed = event.key.toLowerCase();
    if (typed === key || (!LATIN_LETTER.test(typed) && event.code === code)) return action;
  }
  return null;
}

/** Where the switch is kept (browser.storage.local); the content scripts read it at start and follow its changes. */
export const KEYBOARD_MARKING_KEY = 'keyboardMarking';

/** On unless the user switched it off. */
export const isKeyboardMarkingOn = (stored: unknown): boolean => stored !== false;

/** The manifest command (a global shortcut the user can set) that switches keyboard marking on or off. */
export const TOGGLE_KEYBOARD_MARKING_COMMAND = 'toggle-keyboard-marking';

/** Switches keyboard marking over and returns whether it is now on. */
export async function toggleKeyboardMarking(area: ExtensionStorageArea): Promise<boolean> {
  const on = !isKeyboardMarkingOn(await storedValue(area, KEYBOARD_MARKING_KEY));
  await area.set({ [KEYBOARD_MARKING_KEY]: on });
  return on;
}
