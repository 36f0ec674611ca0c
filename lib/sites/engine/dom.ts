/**
 * DOM reading that tolerates hostile or broken pages: selectors from user overrides may be
 * invalid, and text must never carry markup or script source.
 */

const NON_TEXT_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Text as a reader sees it: script/style contents skipped, whitespace runs collapsed, trimmed. */
export function plainText(element: Element | null | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !NON_TEXT_ELEMENTS.has((child as Element).tagName.toUpperCase())) {
        visit(child);
      }
    }
  };
  visit(element);
  return collapseWhitespace(parts.join(''));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first element matched by the first selector that matches anything. */
export function queryFirst(scope: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = scope.querySelector(selector);
      if (found) return found;
    } catch {
      // An invalid selector (a user override) is skipped like one that matches nothing.
    }
  }
  return null;
}

export function matchesAny(element: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
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
