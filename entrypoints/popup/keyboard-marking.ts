import { useCallback, useEffect, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import { KEYBOARD_MARKING_KEY, isKeyboardMarkingOn } from '@/lib/annotate/keyboard-marking';

/**
 * The keyboard-marking switch as stored (null until read), following changes made elsewhere (the global shortcut,
 * another popup), and its setter: the pages' content scripts follow the stored value.
 */
export function useKeyboardMarking(): { on: boolean | null; set: (on: boolean) => void } {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.storage.local.get(KEYBOARD_MARKING_KEY).then((stored) => setOn(isKeyboardMarkingOn(stored[KEYBOARD_MARKING_KEY])));
    const follow = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && KEYBOARD_MARKING_KEY in changes) setOn(isKeyboardMarkingOn(changes[KEYBOARD_MARKING_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(follow);
    return () => browser.storage.onChanged.removeListener(follow);
  }, []);
  const set = useCallback((next: boolean) => {
    setOn(next);
    void browser.storage.local.set({ [KEYBOARD_MARKING_KEY]: next });
  }, []);
  return { on, set };
}
