import { Journal } from './journal';

/**
 * The hostile and broken pages of the fuzz: each mutation edits a parsed fixture through the
 * round's journal, driven by the round's seeded PRNG only, so a round replays from its seed.
 * Structural edits run first, then attribute edits, then what is injected into titles, snippets
 * and posts; hidden text goes in last, so no later edit can un-hide it.
 */

export type Random = () => number;

/** Script and style source: never in a field. */
export const SCRIPT_MARKER = 'RL_SCRIPT_BODY';
export const STYLE_MARKER = 'RL_STYLE_BODY';
/** An `onerror` handler's source: never in a field. */
export const HANDLER_MARKER = 'RL_ONERROR';
/** Text (and a link target) only inside hidden elements: never in a field, a URL or a linked URL. */
export const HIDDEN_MARKER = 'RLHIDDENMARK';
const HIDDEN_URL = `https://${HIDDEN_MARKER.toLowerCase()}.example/post`;

export const pick = <T>(random: Random, list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

/**
 * Folded content (spoilers, `<details>`) is read even when hidden (engine/dom.ts): hidden text is
 * never put there, and no class that makes a spoiler is ever added. A superset of dom.ts's list.
 */
export const FOLDING_CLASS = /poiler/i;

function inFoldedContent(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.tagName === 'DETAILS' || FOLDING_CLASS.test(node.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Nodes built once per page and put in again round after round: happy-dom makes elements slowly. */
export class NodePool {
  private readonly made = new Map<string, Node[]>();
  private readonly taken = new Map<string, number>();

  constructor(private readonly document: Document) {}

  /** The next node of `kind` not yet used this round; `make(document, index)` must give the same node for the same index. */
  take<T extends Node>(kind: string, make: (document: Document, index: number) => T): T {
    const index = this.taken.get(kind) ?? 0;
    this.taken.set(kind, index + 1);
    const list = this.made.get(kind) ?? [];
    this.made.set(kind, list);
    if (index >= list.length) list.push(make(this.document, index));
    return list[index] as T;
  }

  /** A new round: every node is free again (the rollback took them all out of the page). */
  release(): void {
    this.taken.clear();
  }
}

/** What the mutations may touch: the fixture as parsed, with lists made once. */
export interface FuzzTarget {
  document: Document;
  /** Body's descendants as parsed (a removed one stays listed: editing it then changes nothing on the page). */
  elements: readonly Element[];
  /** Elements with text of their own: titles, snippets, post text, authors, dates. */
  textHolders: readonly Element[];
  /** The unmutated page's items (results, posts) and the text holders inside them. */
  items: readonly Element[];
  itemText: readonly Element[];
  /** Deep copies of every item and of some other subtrees, made before any round: a duplicate to put beside its source. */
  copies: ReadonlyArray<{ source: Element; clones: readonly Element[] }>;
  /** Class names of the page (spoiler classes left out): random attributes make result-looking blocks with them. */
  classes: readonly string[];
  pool: NodePool;
}

export interface MutationContext extends FuzzTarget {
  random: Random;
  journal: Journal;
}

export interface Mutation {
  name: string;
  /** Chance of running on a page; the costly ones (hundreds of new elements, 400k characters) run less often. */
  chance: number;
  apply(context: MutationContext): void;
}

/** An element to edit: inside an item most of the time, anywhere else otherwise. */
function someTextHolder(context: MutationContext): Element | undefined {
  return (context.random() < 0.7 ? pick(context.random, context.itemText) : undefined) ?? pick(context.random, context.textHolders);
}

/** A random point among `parent`'s children (null: the end). */
function somePosition(random: Random, parent: Element): Node | null {
  const children = parent.childNodes;
  return children.length === 0 ? null : (children[Math.floor(random() * (children.length + 1))] ?? null);
}

function element(document: Document, tag: string, attributes: Record<string, string>, ...children: Array<Node | string>): Element {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  for (const child of children) made.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return made;
}

// ---------------------------------------------------------------------------------------------
// Content: hostile markup, hidden text, long Unicode

/** Markup a hostile title or snippet carries: none of it is text a reader sees. */
const HOSTILE_MARKUP: ReadonlyArray<(document: Document) => Element> = [
  (document) => element(document, 'script', {}, `${SCRIPT_MARKER} document.title = "<b>x</b><img src=x onerror=alert(1)>"; 1 < 2 && 3 > 2;`),
  (document) => element(document, 'script', { type: 'application/ld+json' }, `{"${SCRIPT_MARKER}": "<i>json</i>"}`),
  (document) => element(document, 'style', {}, `${STYLE_MARKER} a::before { content: "<i>"; }`),
  (document) => element(document, 'img', { src: 'x', onerror: `${HANDLER_MARKER}(1)` }),
  (document) => element(document, 'img', { src: 'data:,', onerror: `${HANDLER_MARKER}(document.cookie)`, onload: `${HANDLER_MARKER}(2)` }),
  (document) => element(document, 'b', { onclick: `${HANDLER_MARKER}(3)` }, 'bold'),
  (document) => element(document, 'a', { href: `javascript:${HANDLER_MARKER}()`, onmouseover: `${HANDLER_MARKER}(5)` }, 'more'),
  (document) => element(document, 'svg', { onload: `${HANDLER_MARKER}(4)` }, element(document, 'script', {}, SCRIPT_MARKER)),
];

/** The ways a page hides an element (engine/dom.ts reads none of them), each holding the marker, some with a link. */
const HIDDEN_TEXT: ReadonlyArray<(document: Document) => Element> = [
  (document) => element(document, 'span', { hidden: '' }, ` ${HIDDEN_MARKER} `),
  (document) => element(document, 'span', { hidden: 'until-found' }, HIDDEN_MARKER),
  (document) => element(document, 'span', { 'aria-hidden': 'true' }, HIDDEN_MARKER),
  (document) => element(document, 'span', { 'aria-hidden': ' TRUE ' }, HIDDEN_MARKER),
  (document) => element(document, 'div', { style: 'display:none' }, `${HIDDEN_MARKER} terrible scam`),
  (document) => element(document, 'span', { style: 'color: red; DISPLAY: None !important' }, HIDDEN_MARKER),
  (document) => element(document, 'span', { style: 'visibility:hidden' }, HIDDEN_MARKER),
  (document) => element(document, 'span', { style: 'visibility: collapse;' }, HIDDEN_MARKER),
  (document) => element(document, 'noscript', {}, HIDDEN_MARKER),
  // Hidden copies of what titles, snippets, dates and links are made of: a selector may match them first.
  (document) => element(document, 'h3', { hidden: '' }, HIDDEN_MARKER),
  (document) => element(document, 'h2', { 'aria-hidden': 'true' }, element(document, 'a', { href: HIDDEN_URL }, HIDDEN_MARKER)),
  (document) => element(document, 'time', { style: 'display: none', datetime: '2024-01-01T00:00:00Z' }, HIDDEN_MARKER),
  (document) => element(document, 'cite', { hidden: '' }, HIDDEN_URL),
  (document) => element(document, 'p', { hidden: '' }, 'See ', element(document, 'a', { href: HIDDEN_URL }, HIDDEN_MARKER), '.'),
  // A hidden subtree: what is inside is hidden too, whatever its own markup says.
  (document) =>
    element(document, 'div', { 'aria-hidden': 'true' }, element(document, 'p', { style: 'display: block' }, element(document, 'b', {}, HIDDEN_MARKER))),
  (document) =>
    element(document, 'div', { hidden: '' }, element(document, 'a', { href: HIDDEN_URL, class: 'postlink' }, `${HIDDEN_MARKER} link`)),
];

/** Text that has broken readers: combining marks, bidirectional controls, emoji, astral planes, 100k-character words. */
export const LONG_UNICODE: readonly string[] = [
  `Z${'\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u0336'.repeat(80)}algo`,
  'שלום עולם \u202eevil\u202c مرحبا بالعالم \u200f\u200e \u2067isolate\u2069',
  '👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 👍🏽 🧑🏿‍🚀 ',
  '𝕬𝖈𝖒𝖊 𓀀𓀁 𠜎𠜱 \u{1f600}\u{10ffff} ',
  'Отличный сервис, рекомендую всем! Ёлки-палки, йод. ',
  'ж'.repeat(100_000),
  'a'.repeat(100_000),
  '😀'.repeat(50_000),
  `${'\u0000\u0001\ufeff\u200b\u00ad\ufffd'}\ud800 lone \udc00 surrogates`,
  '\u00a0\u2003\u3000\t\r\n\u2028\u2029',
  `${'слово '.repeat(5_000)}`,
];

/** Link targets no reader can follow, broken encodings, Unicode hosts and paths. */
const ODD_HREFS: readonly string[] = [
  '',
  '#',
  'javascript:void(0)',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/url?q=',
  '/url?q=%E0%A4%A',
  'https://www.bing.com/ck/a?u=a1%%%',
  'http://[::1',
  '//',
  'https://пример.рф/путь?q=отзыв',
  `https://example.com/${'ж'.repeat(5_000)}`,
  'https://example.com/\u202eevil',
  '  https://spaces.example/path  ',
  'HTTPS://UPPER.EXAMPLE/',
  'https://tab\t.example/new\nline',
];

// ---------------------------------------------------------------------------------------------

/** A chain of nested wrappers, outermost first, for deep nesting (built once per page and kind). */
const CHAIN_DEPTH = 500;
function chain(tag: string, classes: readonly string[]) {
  return (document: Document, index: number): Element => {
    const outer = document.createElement(tag);
    let current = outer;
    for (let level = 1; level < CHAIN_DEPTH; level += 1) {
      const inner = document.createElement(tag);
      // Some levels look like result or post wrappers: the page's own classes, a role.
      if ((level + index) % 37 === 0 && classes.length > 0) inner.setAttribute('class', classes[(level * 7 + index) % classes.length]!);
      if ((level + index) % 53 === 0) inner.setAttribute('role', level % 2 === 0 ? 'article' : 'listitem');
      current.appendChild(inner);
      current = inner;
    }
    return outer;
  };
}

/** The wrapper `depth` levels above the innermost of a chain. */
function chainLevel(outer: Element, levelsDown: number): Element {
  let current = outer;
  for (let level = 0; level < levelsDown; level += 1) current = current.firstElementChild as Element;
  return current;
}

const RANDOM_WORDS = ['g', 'result', 'post', 'message', 'b_algo', 'content', 'title', 'snippet', 'x', 'Ω', 'ж', '', ' ', '"><b>', '0'];
const ROLES = ['heading', 'article', 'main', 'button', 'link', 'listitem', 'presentation', 'none', 'region', 'navigation'];

/** A random attribute: result-looking classes and roles, aria-*, data-*, ids, odd names, long Unicode values. */
function randomAttribute(random: Random, classes: readonly string[]): [string, string] {
  const word = () => (random() < 0.6 ? pick(random, classes) : pick(random, RANDOM_WORDS)) ?? 'x';
  const kinds: Array<() => [string, string]> = [
    () => ['class', Array.from({ length: between(random, 1, 4) }, word).join(' ')],
    () => ['role', pick(random, ROLES) ?? 'none'],
    () => [`aria-${pick(random, ['label', 'level', 'describedby', 'expanded', 'hidden', 'live']) ?? 'label'}`, pick(random, ['false', '2', 'x', word()]) ?? ''],
    () => [`data-${pick(random, ['hveid', 'ved', 'id', 'x', 'результат', 'a-b-c']) ?? 'x'}`, word()],
    () => ['id', word()],
    () => [
      pick(random, ['itemprop', 'itemtype', 'itemscope', 'lang', 'dir', 'tabindex', 'title', 'datetime', 'data-time']) ?? 'lang',
      pick(random, ['rtl', 'review', 'https://schema.org/Review', '2024-13-45', '1e309', word()]) ?? '',
    ],
    () => [`x-${Math.floor(random() * 1e6).toString(36)}`, LONG_UNICODE[between(random, 0, 4)] ?? ''],
  ];
  return (pick(random, kinds) ?? kinds[0]!)();
}

export const MUTATIONS: readonly Mutation[] = [
  // Structure
  {
    name: 'removeNodes',
    chance: 0.3,
    apply({ random, elements, journal }) {
      for (let count = between(random, 1, 4); count > 0; count -= 1) {
        const victim = pick(random, elements);
        if (victim) journal.remove(victim);
      }
    },
  },
  {
    name: 'duplicateNodes',
    chance: 0.3,
    apply({ random, copies, journal }) {
      // A copy of a whole result or post most of the time, of some other subtree otherwise, once or twice beside its source.
      for (let count = between(random, 1, 3); count > 0; count -= 1) {
        const copy = pick(random, copies);
        if (!copy?.source.parentNode) continue;
        for (const clone of copy.clones.slice(0, between(random, 1, copy.clones.length))) {
          if (!clone.parentNode) journal.place(clone, copy.source.parentNode, copy.source.nextSibling);
        }
      }
    },
  },
  {
    name: 'moveNodes',
    chance: 0.2,
    apply({ random, elements, journal }) {
      for (let count = 0; count < 5; count += 1) {
        const [node, parent] = [pick(random, elements), pick(random, elements)];
        if (node && parent) journal.place(node, parent, somePosition(random, parent));
      }
    },
  },
  {
    name: 'deepNesting',
    // 50 to 500 new elements each time: the costliest edit, so the rarest (400 pages of an adapter's 10,000).
    chance: 0.04,
    apply(context) {
      const { random, journal, pool, items, classes } = context;
      const kind = random() < 0.5 ? 'div' : 'span';
      // A whole result or post, a title or snippet, or any element.
      const roll = random();
      const target = roll < 0.4 ? pick(random, items) : roll < 0.8 ? someTextHolder(context) : pick(random, context.elements);
      if (!target?.parentNode) return;
      const outer = pool.take(`chain-${kind}`, chain(kind, classes));
      const depth = between(random, 50, CHAIN_DEPTH);
      const wrapper = chainLevel(outer, CHAIN_DEPTH - depth);
      if (wrapper !== outer) journal.remove(wrapper);
      journal.place(wrapper, target.parentNode, target);
      journal.place(target, chainLevel(wrapper, depth - 1));
    },
  },
  // Attributes
  {
    name: 'stripAttributes',
    chance: 0.2,
    apply({ random, elements, journal }) {
      for (const victim of elements) {
        if (random() < 0.2) {
          const attribute = pick(random, Array.from(victim.attributes));
          if (attribute) journal.removeAttribute(victim, attribute.name);
        }
      }
    },
  },
  {
    name: 'shuffleAttributes',
    chance: 0.2,
    apply({ random, elements, journal }) {
      for (let count = 0; count < 10; count += 1) {
        const [from, to] = [pick(random, elements), pick(random, elements)];
        const name = pick(random, ['class', 'href', 'id', 'role', 'data-hveid', 'itemprop', 'datetime']);
        if (!from || !to || !name) continue;
        const value = from.getAttribute(name);
        if (value === null) journal.removeAttribute(to, name);
        else journal.setAttribute(to, name, value);
      }
    },
  },
  {
    name: 'randomAttributes',
    chance: 0.3,
    apply(context) {
      const { random, journal, classes } = context;
      for (let count = between(random, 2, 16); count > 0; count -= 1) {
        // Result-looking blocks first: the items and their parts.
        const roll = random();
        const target = roll < 0.4 ? pick(random, context.items) : roll < 0.7 ? someTextHolder(context) : pick(random, context.elements);
        if (!target) continue;
        const [name, value] = randomAttribute(random, classes);
        if (FOLDING_CLASS.test(value)) continue;
        try {
          journal.setAttribute(target, name, value);
        } catch {
          // A name the DOM refuses: not an edit.
        }
      }
    },
  },
  {
    name: 'garbleHrefs',
    chance: 0.2,
    apply({ random, document, journal }) {
      for (const link of Array.from(document.querySelectorAll('a[href]'))) {
        if (random() < 0.3) journal.setAttribute(link, 'href', pick(random, ODD_HREFS) ?? '');
      }
    },
  },
  // Content
  {
    name: 'hugeText',
    // 400k characters: every reader of the page walks them, so rarely.
    chance: 0.04,
    apply({ random, document, elements, journal }) {
      const target = pick(random, elements);
      if (target) journal.place(document.createTextNode(`${'review widget отзыв '.repeat(20_000)} `), target, somePosition(random, target));
    },
  },
  {
    name: 'longUnicode',
    chance: 0.3,
    apply(context) {
      const { random, document, journal } = context;
      for (let count = between(random, 1, 5); count > 0; count -= 1) {
        const target = someTextHolder(context);
        // The 100k-character strings are rarer than the short ones.
        const text = pick(random, LONG_UNICODE.filter((value) => value.length < 10_000 || random() < 0.3));
        if (target && text !== undefined) journal.place(document.createTextNode(text), target, somePosition(random, target));
      }
    },
  },
  {
    name: 'hostileMarkup',
    chance: 0.4,
    apply(context) {
      const { random, journal, pool } = context;
      for (let count = between(random, 1, 8); count > 0; count -= 1) {
        const target = someTextHolder(context);
        const which = Math.floor(random() * HOSTILE_MARKUP.length);
        const node = pool.take(`markup-${which}`, HOSTILE_MARKUP[which]!);
        if (target) journal.place(node, target, somePosition(random, target));
      }
    },
  },
  {
    name: 'hiddenText',
    chance: 0.6,
    apply(context) {
      const { random, journal, pool } = context;
      for (let count = between(random, 1, 6); count > 0; count -= 1) {
        const target = someTextHolder(context);
        const which = Math.floor(random() * HIDDEN_TEXT.length);
        // Folded content is read hidden or not (spoilers): not the place for text a reader never sees.
        if (!target || inFoldedContent(target)) continue;
        journal.place(pool.take(`hidden-${which}`, HIDDEN_TEXT[which]!), target, somePosition(random, target));
      }
    },
  },
];

