import { browser } from 'wxt/browser';

/** Which instance of a content script owns the page. */
export interface ScriptLifetime {
  /** Aborted when this instance no longer owns the page. */
  readonly signal: AbortSignal;
  /** False once a newer instance took over, or once the extension was reloaded, updated or removed. */
  isInCharge(): boolean;
}

/**
 * The instances running in this frame, by script name. Kept on the global object of the content scripts'
 * isolated world, which the page can neither read nor write (the key is not secret, the object is out of
 * its reach).
 */
const OWNERS = Symbol.for('reputation-lens.page-owners');

type OwnerScope = typeof globalThis & { [OWNERS]?: Map<string, AbortController> };

/**
 * Makes this instance of `scriptName` the page's owner: an earlier instance in the same frame (the script
 * injected again, as the popup does right after "Audit this site") is stopped first.
 *
 * The hand-over never leaves the isolated world: no window message, no DOM event, nothing the page can
 * see that names the extension, and nothing the page can dispatch to switch the script off. (WXT's
 * ContentScriptContext did all of these; lib/annotate/inert-script-context.ts explains its replacement.)
 */
export function takeOverPage(scriptName: string): ScriptLifetime {
  const scope = globalThis as OwnerScope;
  const owners = (scope[OWNERS] ??= new Map());
  owners.get(scriptName)?.abort();
  const owner = new AbortController();
  owners.set(scriptName, owner);
  return {
    signal: owner.signal,
    isInCharge() {
      // An orphaned script (its extension reloaded, updated or removed) can no longer reach the background.
      if (browser.runtime?.id === undefined) owner.abort();
      return !owner.signal.aborted;
    },
  };
}
