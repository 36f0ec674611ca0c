import { vi } from 'vitest';

/**
 * Records every shadow root attached from now on, closed ones included, so a happy-dom test can look into
 * the tag rows that the page itself cannot open. Call in the test (or a beforeEach); vi.restoreAllMocks
 * ends the recording.
 */
export function recordShadowRoots(): (host: Element) => ShadowRoot {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return (host) => {
    const root = roots.get(host);
    if (!root) throw new Error(`No shadow root was attached to this <${host.localName}>`);
    return root;
  };
}
