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
