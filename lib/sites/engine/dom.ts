import { isTraversal, parse as parseSelector, SelectorType, stringify } from 'css-what';

/**
 * DOM reading that tolerates hostile or broken pages: selectors from user overrides may be
 * invalid, and text must never carry markup or script source.
 */

const NON_TEXT_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text as a reader sees it: script/style/noscript/template contents skipped, whitespace runs
 * collapsed, trimmed. Walks with an explicit stack, so absurdly deep pages cannot overflow it.
 */
export function plainText(element: Element | null | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  const pending: Node[] = [element];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
    } else if (node.nodeType === 1 && !NON_TEXT_ELEMENTS.has((node as Element).tagName.toUpperCase())) {
      for (let child = node.lastChild; child; child = child.previousSibling) pending.push(child);
    }
  }
  return collapseWhitespace(parts.join(''));
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `:scope > X` or `:scope > X Y`, split into the child compound X and the rest Y. Selector engines
 * that test `:scope` on every descendant (happy-dom, jsdom) pay a walk of the whole subtree for it,
 * nested replies included; reading the scope's children instead costs a few `matches` calls.
 */
export interface ChildAnchored {
  child: string;
  rest: string | null;
}

const childAnchoredCache = new Map<string, ChildAnchored | null>();

export function childAnchored(selector: string): ChildAnchored | null {
  let anchored = childAnchoredCache.get(selector);
  if (anchored !== undefined) return anchored;
  anchored = null;
  if (selector.trimStart().startsWith(':scope')) {
    try {
      const groups = parseSelector(selector);
      const tokens = groups.length === 1 ? groups[0]! : [];
      if (tokens[0]?.type === SelectorType.Pseudo && tokens[0].name === 'scope' && tokens[1]?.type === SelectorType.Child) {
        const compoundEnd = tokens.findIndex((token, index) => index > 1 && isTraversal(token));
        const compound = tokens.slice(2, compoundEnd < 0 ? undefined : compoundEnd);
        const next = compoundEnd < 0 ? undefined : tokens[compoundEnd];
        if (compound.length > 0 && (next === undefined || next.type === SelectorType.Descendant)) {
          anchored = {
            child: stringify([compound]),
            rest: next ? stringify([tokens.slice(compoundEnd + 1)]) : null,
          };
        }
      }
    } catch {
      // Left to the DOM, which reports it as invalid.
    }
  }
  childAnchoredCache.set(selector, anchored);
  return anchored;
}

/** On a document, `:scope` is the root element, not the document's own children: left to the DOM. */
function childAnchoredIn(scope: ParentNode, selector: string): ChildAnchored | null {
  return (scope as Node).nodeType === 1 ? childAnchored(selector) : null;
}

type SubtreeQuery = (scope: Element, selector: string, firstOnly: boolean) => Element[];

const nativeQuery: SubtreeQuery = (scope, selector, firstOnly) =>
  firstOnly ? [scope.querySelector(selector)].filter((found) => found !== null) : Array.from(scope.querySelectorAll(selector));

/** Matches of a `:scope > X Y` selector, in document order: Y is looked for in each child matching X with `within`. */
export function queryChildAnchored(
  scope: ParentNode,
  anchored: ChildAnchored,
  firstOnly: boolean,
  within: SubtreeQuery = nativeQuery,
): Element[] {
  const found: Element[] = [];
  for (let child = scope.firstElementChild; child; child = child.nextElementSibling) {
    if (!child.matches(anchored.child)) continue;
    if (anchored.rest === null) found.push(child);
    else found.push(...within(child, anchored.rest, firstOnly));
    if (firstOnly && found.length > 0) break;
  }
  return found;
}

export function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    const anchored = childAnchoredIn(scope, selector);
    return anchored ? queryChildAnchored(scope, anchored, false) : Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first element `selector` matches in `scope`, or null (also when the selector is invalid). */
export function queryOne(scope: ParentNode, selector: string): Element | null {
  try {
    const anchored = childAnchoredIn(scope, selector);
    return anchored ? (queryChildAnchored(scope, anchored, true)[0] ?? null) : scope.querySelector(selector);
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
