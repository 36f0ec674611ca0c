import { useCallback } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { KEYBOARD_MARKING_KEY, isKeyboardMarkingOn } from '@/lib/annotate/keyboard-marking';
import { useStoredSetting } from '@/lib/ui/stored-setting';

/**
 * The keyboard-marking switch as stored (null until read), following changes made elsewhere (the global shortcut,
 * another popup), and its setter: the pages' content scripts follow the stored value.
 */
export function useKeyboardMarking(): { on: boolean | null; set: (on: boolean) => void } {
  const [on, setOn] = useStoredSetting(KEYBOARD_MARKING_KEY, isKeyboardMarkingOn);
  const set = useCallback((next: boolean) => {
    setOn(next);
    void browser.storage.local.set({ [KEYBOARD_MARKING_KEY]: next });
  }, []);
  return { on, set };
}
