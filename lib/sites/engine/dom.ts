/**
 * DOM reading that tolerates hostile or broken pages: selectors from user overrides may be
 * invalid, and text must never carry markup, script source or what the page hides from readers.
 */

/** Elements whose content is never text on the page: code, styles, inert templates, no-script fallbacks. */
const NON_TEXT_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether an inline `style` attribute hides its element; the last declaration of a property wins, as in CSS. */
function inlineStyleHides(style: string): boolean {
  let displayNone = false;
  let invisible = false;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    if (property === 'display') displayNone = value === 'none';
    else if (property === 'visibility') invisible = value === 'hidden' || value === 'collapse';
  }
  return displayNone || invisible;
}

/**
 * Hidden by the element's own markup, which a DOM without layout (happy-dom, jsdom, DOMParser)
 * can tell as well as a browser: the `hidden` attribute, `aria-hidden="true"` (a page's way of
 * keeping text from assistive technology, and so from anything that reads it on a user's behalf)
 * and an inline `display: none` / `visibility: hidden`.
 */
function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && inlineStyleHides(style);
}

const laidOutDocuments = new WeakSet<Document>();

/**
 * Whether the document is laid out, as a browser tab is. Only there does computed style say what
 * is shown: a DOM built in Node or by DOMParser has no boxes (every size is 0), and there
 * `checkVisibility()` would either guess from unrendered style or call everything invisible.
 */
function isLaidOut(doc: Document): boolean {
  if (laidOutDocuments.has(doc)) return true;
  const root = doc.documentElement;
  const laidOut = root !== null && root.getBoundingClientRect().width > 0;
  // Asked for every text read, and each asking made the browser lay the page out anew after any change the page
  // made in between: a tab's document, once laid out, stays so.
  if (laidOut) laidOutDocuments.add(doc);
  return laidOut;
}

const CSS_VISIBILITY: CheckVisibilityOptions = { visibilityProperty: true, checkVisibilityCSS: true };

/**
 * Content its author folded away: spoilers (Invision, XenForo 1 and 2, the spoiler BBCode of
 * phpBB, vBulletin, MyBB and SMF add-ons) and closed `<details>`. Hidden until one click shows
 * it, it is the author's own words all the same, so it is read.
 */
const FOLDED_CONTENT = [
  '.ipsSpoiler_contents',
  '.bbCodeSpoiler-content',
  '.SpoilerTarget',
  '.spoiler',
  '[class*="spoiler-content"]',
  '[class*="spoiler_content"]',
  'details',
].join(', ');

/**
 * A test for "a reader never sees this element or anything in it", made once per walk: non-text
 * elements; else markup that hides, and in a laid-out page what style sheets hide
 * (`checkVisibility`, where the browser has it), unless it is folded content.
 */
export function hiddenFromReaders(scope: Element): (element: Element) => boolean {
  const isHidden = hiddenElements(scope);
  return (element) => NON_TEXT_ELEMENTS.has(element.tagName.toUpperCase()) || isHidden(element);
}

/** Markup that hides, and in a laid-out page what style sheets hide, unless it is folded content. */
function hiddenElements(scope: Element): (element: Element) => boolean {
  const laidOut = isLaidOut(scope.ownerDocument) && typeof scope.checkVisibility === 'function';
  return (element) =>
    (hiddenByMarkup(element) || (laidOut && !element.checkVisibility(CSS_VISIBILITY))) && element.closest(FOLDED_CONTENT) === null;
}

/**
 * A test for "`element` sits under an element that hides it inside `scope`": what a selector matches
 * under a hidden element of a result or a post (a hidden copy of a title, a snippet, an author) is no
 * more shown than the hidden element itself. `scope` itself is not asked: a whole item inside a hidden
 * container is left to `checkVisibility()` (README, "Hidden text"), and neither is the element
 * (`readText` asks it). A `<noscript>` above it does not hide it: elements are only found inside one
 * where scripting is off, and there its content is what the page shows (Discourse's crawler view).
 * Each ancestor's answer is remembered, so any number of questions about one scope cost at most one
 * visit of each of its elements.
 */
export function hiddenWithin(scope: Element): (element: Element) => boolean {
  const isHidden = hiddenElements(scope);
  /** An element below `scope` -> whether it or an ancestor below `scope` is hidden. */
  const known = new Map<Element, boolean>();
  return (element) => {
    const unknown: Element[] = [];
    let hidden = false;
    for (let node = element.parentElement; node && node !== scope; node = node.parentElement) {
      const answer = known.get(node);
      if (answer !== undefined) {
        hidden = answer;
        break;
      }
      unknown.push(node);
    }
    for (let index = unknown.length - 1; index >= 0; index -= 1) {
      const node = unknown[index]!;
      hidden ||= isHidden(node);
      known.set(node, hidden);
    }
    return hidden;
  };
}

export interface TextWalk {
  /** Subtrees to leave out besides hidden ones (quotes, signatures, nested posts ...). */
  skip?: (element: Element) => boolean;
  /** Called for each element whose content is read, in document order. */
  onElement?: (element: Element) => void;
  /** Tags (upper case) that start a new run of text: a space goes before them, so words never merge. */
  breakBefore?: ReadonlySet<string>;
}

/**
 * The text a reader sees in `root`: hidden subtrees (see `hiddenFromReaders`; `root` itself
 * included) and the walk's `skip`ped ones left out, a hidden subtree leaving a word break,
 * whitespace runs collapsed, trimmed. One walk with an explicit stack, so absurdly deep pages
 * cannot overflow it.
 */
export function readText(root: Element, walk: TextWalk = {}): string {
  const isHidden = hiddenFromReaders(root);
  const parts: string[] = [];
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (isHidden(element)) {
      // Decoration a page keeps from assistive technology (separators, a rating its aria-label
      // repeats) still stands between the words around it; so may any hidden element.
      parts.push(' ');
      continue;
    }
    if (walk.skip?.(element)) continue;
    walk.onElement?.(element);
    if (walk.breakBefore?.has(element.tagName.toUpperCase())) parts.push(' ');
    for (let child = element.lastChild; child; child = child.previousSibling) pending.push(child);
  }
  return collapseWhitespace(parts.join(''));
}

/** Text as a reader sees it (see `readText`); empty for no element. */
export function plainText(element: Element | null | undefined): string {
  return element ? readText(element) : '';
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first element `selector` matches in `scope`, or null (also when the selector is invalid). */
export function queryOne(scope: ParentNode, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    // An invalid selector (a user override) is skipped like one that matches nothing.
    return null;
  }
}

/** The first element matched by the first selector that matches anything. */
export function queryFirst(scope: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = queryOne(scope, selector);
    if (found) return found;
  }
  return null;
}

export function closestAny(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = element.closest(selector);
      if (found) return found;
    } catch {
      // Invalid selectors never match.
    }
  }
  return null;
}
