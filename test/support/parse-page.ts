// Saved pages parsed as data in Node (no test runner needed, so benchmarks share it with the tests).
import { Window } from 'happy-dom';

/**
 * happy-dom's HTML parser (20.x and 21.x) reads a `<` inside inline script text as a tag
 * (`48<c.offsetHeight` swallows the rest of the page), which a browser never does. Script and
 * style bodies carry nothing extraction reads, so they are emptied before parsing; the elements
 * stay, as in the browser's DOM.
 */
function withoutRawTextBodies(html: string): string {
  // happy-dom also stops parsing at a <style> inside an <svg> (new Reddit's icons), even an empty one,
  // so style elements go whole; nothing extraction reads is in them.
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2');
}

/**
 * A parsed page at its real URL, with nothing executed or fetched: pages are data here, and
 * the corpus pages carry scripts and resource links that must not run or load.
 */
export function parsePage(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const document = new window.DOMParser().parseFromString(withoutRawTextBodies(html), 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}
