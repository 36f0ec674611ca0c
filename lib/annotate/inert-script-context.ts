/**
 * Stands in for WXT's ContentScriptContext in the built content scripts: wxt.config.ts resolves
 * `wxt/utils/content-script-context` to this file.
 *
 * WXT's entrypoint wrapper makes a context for every content script before calling its `main`. WXT's own
 * announces each start to the page (a window message and a document event whose names carry the
 * extension's id) and stops the script when the page dispatches that event, so any page could tell the
 * extension is there and switch it off. Our content scripts take no context from WXT: each one owns the
 * page through lib/annotate/script-lifetime.ts, which the page cannot reach. This constructor only has to
 * exist, and does nothing the page can see.
 */
export class ContentScriptContext {
  constructor(readonly contentScriptName: string) {}
}
