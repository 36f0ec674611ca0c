import { AttributeAction, isTraversal, parse as parseSelector, type Selector, SelectorType, stringify } from 'css-what';
import { queryAll, queryOne } from '../engine/dom';
import type { PageQueries } from './queries';

/**
 * One walk over a page that answers the selector queries of its extraction. Every element is
 * listed, in document order, under its tag name, each class name and its id (under an attribute
 * name only when a query asks for that list); a query then tests only the elements listed under a
 * key its selector's last compound names (`.content` in `.author .content`) with `matches`, instead
 * of visiting the whole scope. On DOMs whose selector engine walks the whole scope for every query
 * (happy-dom, jsdom), with the long fallback lists of forum definitions, that scope walk was most of
 * the cost of a page. A selector naming a class, id or tag that no element has cannot match and is
 * skipped without any test. Keys are lower case, so a quirks-mode page's case-insensitive names are
 * never missed: the lists only ever hold too many candidates, and `matches` decides.
 * Built for one extraction and dropped: a page changes between extractions.
 */

/** What one compound of a selector needs an element to have. */
type Requirement = NameRequirement | TokenRequirement;

interface NameRequirement {
  kind: 'tags' | 'attributes';
  name: string;
}

/** A class or id value test that whole tokens answer: `.x`, `#x`, `[class*="x"]`, `[id^="x"]`. */
interface TokenRequirement {
  kind: 'classes' | 'ids';
  action: AttributeAction;
  value: string;
}

const isTokenTest = (requirement: Requirement): requirement is TokenRequirement => 'action' in requirement;

interface SelectorPlan {
  /** Per comma-separated alternative: what its compounds need somewhere in the page (attributes only when nothing else). */
  needs: Requirement[][];
  /** Per alternative: what its last compound needs; empty: no list narrows its candidates. */
  lastKeys: Requirement[][];
  /** `:scope` refers to the query's scope, which `matches` cannot know: such selectors go to the DOM. */
  usesScope: boolean;
}

const TOKEN_ACTIONS = new Set([AttributeAction.Element, AttributeAction.Equals, AttributeAction.Start, AttributeAction.End, AttributeAction.Any]);

function requirementOf(token: Selector): Requirement | null {
  if (token.type === SelectorType.Tag) return { kind: 'tags', name: token.name.toLowerCase() };
  if (token.type !== SelectorType.Attribute) return null;
  const name = token.name.toLowerCase();
  const kind = name === 'class' ? 'classes' : name === 'id' ? 'ids' : null;
  // A value with whitespace spans tokens: only the attribute's presence can be asked.
  if (kind && TOKEN_ACTIONS.has(token.action) && !/\s/.test(token.value) && token.value !== '') {
    // Ids are kept whole, so a word of an id (`[id~="x"]`) is looked for as a part of one.
    const action = kind === 'ids' && token.action === AttributeAction.Element ? AttributeAction.Any : token.action;
    return { kind, action, value: token.value.toLowerCase() };
  }
  return { kind: 'attributes', name };
}

/** `:has()` with one alternative binds what it asks for too; `:not()` and other pseudo-classes ask nothing. */
function collectNeeds(tokens: readonly Selector[], needs: Requirement[]): void {
  for (const token of tokens) {
    if (token.type === SelectorType.Pseudo && token.name === 'has' && Array.isArray(token.data) && token.data.length === 1) {
      collectNeeds(token.data[0]!, needs);
      continue;
    }
    const requirement = requirementOf(token);
    if (requirement) needs.push(requirement);
  }
}

function lastCompoundKeys(tokens: readonly Selector[]): Requirement[] {
  const keys: Requirement[] = [];
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index]!;
    if (token.type !== SelectorType.Tag && token.type !== SelectorType.Attribute && token.type !== SelectorType.Pseudo && token.type !== SelectorType.Universal) break;
    const requirement = requirementOf(token);
    if (requirement) keys.push(requirement);
  }
  return keys;
}

const plans = new Map<string, SelectorPlan | null>();

/** Null when the selector does not parse: the DOM reports it (and the query skips it) as before. */
function planOf(selector: string): SelectorPlan | null {
  let plan = plans.get(selector);
  if (plan !== undefined) return plan;
  try {
    const groups = parseSelector(selector);
    plan = {
      needs: groups.map((tokens) => {
        const needs: Requirement[] = [];
        collectNeeds(tokens, needs);
        // An attribute list costs a pass over the page: asked for only when nothing else decides.
        const decisive = needs.filter((need) => need.kind !== 'attributes');
        return decisive.length > 0 ? decisive : needs;
      }),
      lastKeys: groups.map(lastCompoundKeys),
      usesScope: selector.includes(':scope'),
    };
  } catch {
    plan = null;
  }
  plans.set(selector, plan);
  return plan;
}

/** Position of the first value at or above `value` in an ascending list. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function tokenPasses(token: string, action: AttributeAction, value: string): boolean {
  if (action === AttributeAction.Start) return token.startsWith(value);
  if (action === AttributeAction.End) return token.endsWith(value);
  return token.includes(value);
}

function matchesSafely(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/**
 * `:scope > X` or `:scope > X Y`, split into the child compound X and the rest Y. Selector engines
 * that test `:scope` on every descendant (happy-dom, jsdom) pay a walk of the whole subtree for it,
 * nested replies included; reading the scope's children instead costs a few `matches` calls.
 */
interface ChildAnchored {
  child: string;
  rest: string | null;
}

const childAnchoredCache = new Map<string, ChildAnchored | null>();

function childAnchored(selector: string): ChildAnchored | null {
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

type SubtreeQuery = (scope: Element, selector: string, firstOnly: boolean) => Element[];

const nativeQuery: SubtreeQuery = (scope, selector, firstOnly) =>
  firstOnly ? [scope.querySelector(selector)].filter((found) => found !== null) : Array.from(scope.querySelectorAll(selector));

/** Matches of a `:scope > X Y` selector, in document order: Y is looked for in each child matching X with `within`. */
function queryChildAnchored(
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

export class PageIndex implements PageQueries {
  private readonly lists = {
    tags: new Map<string, number[]>(),
    classes: new Map<string, number[]>(),
    ids: new Map<string, number[]>(),
    attributes: new Map<string, number[]>(),
  };
  private readonly elements: Element[] = [];
  /** Element i's descendants are i + 1 .. end[i] - 1. */
  private readonly end: number[] = [];
  /**
   * Positions of the elements queries returned, so that they can be scopes of further queries
   * (post roots, bodies); listing every element here would cost the walk a map entry each.
   */
  private readonly positions = new Map<Element, number>();
  /** Lists of every class or id passing a prefix, suffix or substring test, by test. */
  private readonly mergedLists = new Map<string, readonly number[]>();

  constructor(private readonly doc: Document) {
    const root = doc.documentElement;
    if (!root) return;
    const parents: number[] = [];
    // Two stacks rather than one of objects: the walk visits every element of the page.
    const pendingElements: Element[] = [root];
    const pendingParents: number[] = [-1];
    const children: Element[] = [];
    while (pendingElements.length > 0) {
      const element = pendingElements.pop()!;
      const position = this.elements.length;
      this.elements.push(element);
      parents.push(pendingParents.pop()!);
      this.list('tags', element.localName.toLowerCase(), position);
      const classes = element.getAttribute('class');
      if (classes) for (const token of classes.toLowerCase().split(/\s+/)) if (token) this.list('classes', token, position);
      const id = element.getAttribute('id');
      if (id) this.list('ids', id.toLowerCase(), position);
      children.length = 0;
      for (let child = element.firstElementChild; child; child = child.nextElementSibling) children.push(child);
      for (let index = children.length - 1; index >= 0; index -= 1) {
        pendingElements.push(children[index]!);
        pendingParents.push(position);
      }
    }
    for (let index = 0; index < this.elements.length; index += 1) this.end.push(index + 1);
    for (let index = this.elements.length - 1; index > 0; index -= 1) {
      const parent = parents[index]!;
      this.end[parent] = Math.max(this.end[parent]!, this.end[index]!);
    }
  }

  /** Lists are in document order; a class named twice on one element is listed once. */
  private list(kind: keyof PageIndex['lists'], key: string, position: number): void {
    const list = this.lists[kind].get(key);
    if (!list) this.lists[kind].set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  }

  /**
   * Elements with an attribute, listed when first asked for: most selectors are decided by their
   * tags, classes and ids, and reading every attribute of every element would double the walk.
   */
  private attributeList(name: string): readonly number[] {
    let list = this.lists.attributes.get(name);
    if (!list) {
      list = [];
      for (let position = 0; position < this.elements.length; position += 1) {
        if (this.elements[position]!.hasAttribute(name)) list.push(position);
      }
      this.lists.attributes.set(name, list);
    }
    return list;
  }

  /** Positions of the elements a requirement may hold for, in document order. */
  private listOf(requirement: Requirement): readonly number[] {
    if (requirement.kind === 'attributes') return this.attributeList(requirement.name);
    if (!isTokenTest(requirement)) return this.lists[requirement.kind].get(requirement.name) ?? [];
    const { kind, action, value } = requirement;
    if (action === AttributeAction.Element || action === AttributeAction.Equals) return this.lists[kind].get(value) ?? [];
    const cacheKey = `${kind} ${action} ${value}`;
    let merged = this.mergedLists.get(cacheKey);
    if (!merged) {
      const positions: number[] = [];
      for (const [token, list] of this.lists[kind]) if (tokenPasses(token, action, value)) positions.push(...list);
      merged = [...new Set(positions)].sort((a, b) => a - b);
      this.mergedLists.set(cacheKey, merged);
    }
    return merged;
  }

  private has(requirement: Requirement): boolean {
    return this.listOf(requirement).length > 0;
  }

  /** Whether `selector` may match in the page: false only when it certainly cannot. */
  mayMatch(selector: string): boolean {
    const plan = planOf(selector);
    return plan === null || plan.needs.some((needs) => needs.every((requirement) => this.has(requirement)));
  }

  /** The selectors of a fallback list that may match in the page, order kept. */
  matchable(selectors: readonly string[]): string[] {
    return selectors.filter((selector) => this.mayMatch(selector));
  }

  /** Positions of the elements that may match one alternative, in document order; null when no key narrows it. */
  private candidates(keys: readonly Requirement[]): readonly number[] | null {
    let shortest: readonly number[] | null = null;
    // An attribute narrows the candidates only when nothing else in the compound does.
    const narrowing = keys.some((key) => key.kind !== 'attributes') ? keys.filter((key) => key.kind !== 'attributes') : keys;
    for (const key of narrowing) {
      const list = this.listOf(key);
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    return shortest;
  }

  /** The range of positions inside `scope`, or null for a scope no query of this index returned. */
  private rangeOf(scope: ParentNode): [number, number] | null {
    if (scope === this.doc) return [0, this.elements.length];
    const position = this.positionOf(scope as Element);
    return position === undefined ? null : [position + 1, this.end[position]!];
  }

  /**
   * Where an element sits in the walk: known when a query returned it, else counted from its
   * parent's position over the subtrees of its earlier siblings (a child of a post, say).
   */
  private positionOf(element: Element): number | undefined {
    const known = this.positions.get(element);
    if (known !== undefined) return known;
    if (element === this.elements[0]) return 0;
    const parent = element.parentElement;
    const parentPosition = parent ? this.positionOf(parent) : undefined;
    if (parent === null || parentPosition === undefined) return undefined;
    let position = parentPosition + 1;
    for (let sibling = parent.firstElementChild; sibling && sibling !== element; sibling = sibling.nextElementSibling) {
      position = this.end[position]!;
    }
    if (this.elements[position] !== element) return undefined;
    this.positions.set(element, position);
    return position;
  }

  /** Matches of `selector` in `scope`, in document order (at most `limit`), as `querySelectorAll` gives them. */
  private query(scope: ParentNode, selector: string, limit: number): Element[] {
    if (!this.mayMatch(selector)) return [];
    const plan = planOf(selector);
    const anchored = plan?.usesScope && scope !== this.doc ? childAnchored(selector) : null;
    if (anchored) {
      return queryChildAnchored(scope, anchored, limit === 1, (child, rest, firstOnly) => this.query(child, rest, firstOnly ? 1 : Infinity));
    }
    const range = this.rangeOf(scope);
    const lists = plan && !plan.usesScope && range ? plan.lastKeys.map((keys) => this.candidates(keys)) : [];
    if (!range || lists.length === 0 || lists.some((list) => list === null)) {
      return limit === 1 ? [queryOne(scope, selector)].filter((found) => found !== null) : queryAll(scope, selector);
    }
    const [start, end] = range;
    const positions = new Set<number>();
    for (const list of lists as Array<readonly number[]>) {
      for (let index = firstAtOrAfter(list, start); index < list.length && list[index]! < end; index += 1) positions.add(list[index]!);
    }
    const found: Element[] = [];
    for (const position of lists.length > 1 ? [...positions].sort((a, b) => a - b) : positions) {
      const element = this.elements[position]!;
      if (!matchesSafely(element, selector)) continue;
      found.push(element);
      this.positions.set(element, position);
      if (found.length >= limit) break;
    }
    return found;
  }

  all(scope: ParentNode, selector: string): Element[] {
    return this.query(scope, selector, Infinity);
  }

  one(scope: ParentNode, selector: string): Element | null {
    return this.query(scope, selector, 1)[0] ?? null;
  }

  /** The first element matched by the first selector that matches anything. */
  first(scope: ParentNode, selectors: readonly string[]): Element | null {
    for (const selector of selectors) {
      const found = this.one(scope, selector);
      if (found) return found;
    }
    return null;
  }
}
