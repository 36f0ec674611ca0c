import { render } from 'preact';
import { TagRow } from '@/components/TagRow';
import type { TagRowViewFactory } from './tag-row-view';

/**
 * Renders a tag row into an OPEN shadow root on its host element (the page-DOM contract), so the host
 * page's CSS cannot restyle it and tests can reach its buttons.
 */
export function shadowTagRowViews(css: string): TagRowViewFactory {
  let sharedSheet: CSSStyleSheet | null | undefined;
  // One parsed stylesheet adopted by every row is far cheaper on a 100-result page than a <style> per row.
  const adoptSharedSheet = (root: ShadowRoot): boolean => {
    if (sharedSheet === undefined) {
      try {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(css);
      } catch {
        sharedSheet = null;
      }
    }
    if (!sharedSheet) return false;
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return true;
    } catch {
      // Firefox content scripts cannot always hand a sheet made in their own world to the page's DOM.
      return false;
    }
  };
  return (host, callbacks) => {
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    if (!adoptSharedSheet(root) && !root.querySelector('style')) {
      const style = host.ownerDocument.createElement('style');
      style.textContent = css;
      root.append(style);
    }
    let mountPoint = root.querySelector('div[data-rl-root]');
    if (!mountPoint) {
      mountPoint = host.ownerDocument.createElement('div');
      mountPoint.setAttribute('data-rl-root', '');
      root.append(mountPoint);
    }
    const container = mountPoint;
    return {
      host,
      render: (state) => render(<TagRow state={state} {...callbacks} />, container),
      isConnected: () => host.isConnected,
      destroy: () => {
        render(null, container);
        host.remove();
      },
    };
  };
}
