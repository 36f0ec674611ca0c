/**
 * DOM edits that can be taken back. Parsing a page in happy-dom costs ~150 µs per element and
 * cloning one ~80 µs, far more than extracting it, so the fuzz parses each fixture once, mutates it
 * through a journal, extracts, and rolls the page back to exactly what was parsed (same nodes, same
 * attribute order) before the next round: a round then sees the pristine page whatever ran before
 * it, and replays from its seed alone.
 */
export class Journal {
  private readonly undo: Array<() => void> = [];

  /** How many edits the page carries now. */
  get size(): number {
    return this.undo.length;
  }

  /**
   * Puts `node` into `parent` before `before` (at the end when null), from wherever it was.
   * False, and nothing done, when that is impossible (`node` holds `parent`, or is `before`).
   */
  place(node: Node, parent: Node, before: Node | null = null): boolean {
    if (node === before || node === parent || node.contains(parent) || (before !== null && before.parentNode !== parent)) return false;
    const from = node.parentNode;
    const next = node.nextSibling;
    parent.insertBefore(node, before);
    this.undo.push(from ? () => from.insertBefore(node, next) : () => node.parentNode?.removeChild(node));
    return true;
  }

  /** Takes `node` out of the page. */
  remove(node: Node): void {
    const from = node.parentNode;
    if (!from) return;
    const next = node.nextSibling;
    from.removeChild(node);
    this.undo.push(() => from.insertBefore(node, next));
  }

  /** Sets an attribute; a new one is removed again, an existing one gets its value back (its place kept). */
  setAttribute(element: Element, name: string, value: string): void {
    const old = element.getAttribute(name);
    element.setAttribute(name, value);
    this.undo.push(old === null ? () => element.removeAttribute(name) : () => element.setAttribute(name, old));
  }

  /** Removes an attribute; rolling back restores every attribute in its original order. */
  removeAttribute(element: Element, name: string): void {
    if (!element.hasAttribute(name)) return;
    const before = Array.from(element.attributes, (attribute) => [attribute.name, attribute.value] as const);
    element.removeAttribute(name);
    this.undo.push(() => {
      for (const attribute of Array.from(element.attributes)) element.removeAttribute(attribute.name);
      for (const [attributeName, value] of before) element.setAttribute(attributeName, value);
    });
  }

  /** Every edit taken back, newest first: the page is as it was before the first. */
  rollback(): void {
    for (let index = this.undo.length - 1; index >= 0; index -= 1) this.undo[index]!();
    this.undo.length = 0;
  }
}
