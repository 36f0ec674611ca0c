import { extractPage, SITES, type Item, type PageExtract } from '../../../lib/sites';
import { parsePage } from '../../support/parse-page';
import { seededRandom } from '../../support/prng';
import { loadFixtures, type Fixture } from '../fixture-files';
import { Journal } from './journal';
import {
  FOLDING_CLASS,
  HANDLER_MARKER,
  HIDDEN_MARKER,
  MUTATIONS,
  NodePool,
  SCRIPT_MARKER,
  STYLE_MARKER,
  type FuzzTarget,
  type MutationContext,
} from './mutations';

/**
 * The fuzz of one site adapter (issue #10), without vitest so that worker threads can run it:
 * the adapter's fixtures mutated PAGES_PER_ADAPTER times in all (mutations.ts), each page
 * extracted and checked (checkExtract) and its extraction timed against its size; then the
 * adapter's page with its results or posts copied up to 64 times, timed at each size.
 *
 * Timing on a shared 2-core machine: one run of a 1 ms extraction may meet a GC pause or lose its
 * core for 10 ms, so no single run decides anything. The slowest pages are timed again as medians,
 * each in turn with a yardstick (referenceWalk: one linear pass over the same page, repeated to
 * last as long), and judged by their time against it: load slows both alike. A quadratic cost
 * grows that ratio with the page; a busy machine does not.
 */

export const PAGES_PER_ADAPTER = 10_000;
/** Characters of text that count as one element of page size: reading text costs time too. */
export const CHARACTERS_PER_ELEMENT = 100;
/**
 * A page counts as at least this many elements: extraction has a fixed cost per page (detection,
 * the page index), which on a page emptied by the mutations would read as a huge cost per element.
 */
export const MIN_PAGE_SIZE = 100;
/**
 * The most a mutated page should cost per unit of size against what its fixture costs (both against
 * the yardstick walk, so that a busy machine counts less): a worst page over it is timed twice more,
 * the lower time reported (fuzz-report.json; reported, not asserted: see fuzz.test.ts). Healthy
 * pages stay under 10 (the worst: a forum page whose markers a mutation removed, read by the generic
 * finder); one read element by element with a walk up its ancestors (a cost quadratic in nesting
 * depth) reaches 20 at 500 levels.
 */
export const MAX_TIMES_FIXTURE_COST = 15;
/** Page sizes of the scaling test: the page with its results or posts copied this many times. */
export const SCALING_FACTORS = [1, 2, 4, 8, 16, 64] as const;

const TAG_MARKUP = /<\/?[a-z][^>]*>/i;
const HIDDEN = HIDDEN_MARKER.toLowerCase();

export function seedOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** What a text field must never hold: script or handler source, hidden text, markup. */
function textProblems(field: string, text: string): string[] {
  const problems: string[] = [];
  if (text.includes(SCRIPT_MARKER) || text.includes(STYLE_MARKER) || text.includes(HANDLER_MARKER)) {
    problems.push(`${field}: script, style or handler source`);
  }
  // The marker is injected as written and text is never case-mapped: no lowercasing of 400k-character fields.
  if (text.includes(HIDDEN_MARKER)) problems.push(`${field}: hidden text`);
  const markup = TAG_MARKUP.exec(text);
  if (markup) problems.push(`${field}: markup ${markup[0].slice(0, 60)}`);
  return problems;
}

/** An http(s) URL, and not the target of a link only hidden text holds. */
function urlProblems(field: string, url: string): string[] {
  const problems: string[] = [];
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL: reported below
  }
  if (!/^https?:$/.test(protocol) || !/^https?:\/\//i.test(url)) problems.push(`${field}: not an http(s) URL: ${url.slice(0, 80)}`);
  if (url.toLowerCase().includes(HIDDEN)) problems.push(`${field}: a hidden link's target ${url.slice(0, 80)}`);
  return problems;
}

/** Every problem of one extract: markup, script source, hidden text or a hidden link in any field; URLs; ranks. */
export function checkExtract(extract: PageExtract | null): string[] {
  const problems: string[] = [];
  for (const [index, item] of (extract?.items ?? []).entries()) {
    const at = (problem: string) => `item ${index}: ${problem}`;
    const texts: Array<[keyof Item, string | undefined]> = [
      ['title', item.title],
      ['snippet', item.snippet],
      ['text', item.text],
      ['author', item.author],
      ['date', item.date],
      ['dateIso', item.dateIso],
    ];
    for (const [field, text] of texts) if (text !== undefined) problems.push(...textProblems(field, text).map(at));
    if (item.title.length === 0) problems.push(at('empty title'));
    if (item.dateIso !== undefined && Number.isNaN(Date.parse(item.dateIso))) problems.push(at(`dateIso is no date: ${item.dateIso}`));
    // A later page whose position the (mutated) page no longer states has no ranks at all.
    const rank = extract?.firstRank === undefined ? undefined : extract.firstRank + index;
    if (item.rank !== rank) problems.push(at(`rank ${item.rank}, expected ${rank}`));
    problems.push(...urlProblems('url', item.url).map(at));
    for (const linked of item.linkedUrls ?? []) problems.push(...urlProblems('linkedUrls', linked).map(at));
  }
  return problems;
}

/** The page as one string: tags, attributes in order, text. A rollback must give back exactly this. */
export function fingerprint(document: Document): string {
  const parts: string[] = [];
  const pending: Array<Node | null> = [document.documentElement];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) break;
    if (node === null) {
      parts.push('</>');
    } else if (node.nodeType === 1) {
      const element = node as Element;
      parts.push(`<${element.tagName}`);
      for (const attribute of Array.from(element.attributes)) parts.push(` ${attribute.name}=${JSON.stringify(attribute.value)}`);
      parts.push('>');
      pending.push(null);
      for (let child = element.lastChild; child; child = child.previousSibling) pending.push(child);
    } else {
      parts.push(JSON.stringify(node.nodeValue));
    }
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Pages

function hasOwnText(element: Element): boolean {
  if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(element.tagName)) return false;
  for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 3 && /\S/.test(child.nodeValue ?? '')) return true;
  return false;
}

/** A fixture parsed once, with what its rounds mutate. */
export interface FuzzFixture {
  fixture: Fixture;
  url: string;
  target: FuzzTarget;
  baseline: PageExtract | null;
  pristine: string;
  elements: number;
  close: () => Promise<void>;
}

export function prepareFixture(fixture: Fixture): FuzzFixture {
  const url = fixture.expected.pageUrl;
  const { document, close } = parsePage(fixture.html, url);
  const baseline = extractPage(document, url);
  const elements = Array.from(document.body?.querySelectorAll('*') ?? []);
  const items = (baseline?.items ?? []).map((item) => item.element);
  const textHolders = elements.filter(hasOwnText);
  const itemText = textHolders.filter((holder) => items.some((item) => item.contains(holder)));
  const random = seededRandom(seedOf(`${fixture.name}#copies`));
  const small = elements.filter((element) => element.querySelectorAll('*').length < 100);
  const others = Array.from({ length: 10 }, () => small[Math.floor(random() * small.length)]).filter((element) => element !== undefined);
  // Deep copies, made before any round edits the page: one or two go beside their source.
  const copies = [...new Set([...items, ...others])].map((source) => ({
    source,
    clones: [source.cloneNode(true) as Element, source.cloneNode(true) as Element],
  }));
  const classes = [...new Set(elements.flatMap((element) => Array.from(element.classList)))].filter((name) => !FOLDING_CLASS.test(name));
  const target: FuzzTarget = { document, elements, textHolders, items, itemText, copies, classes, pool: new NodePool(document) };
  return { fixture, url, target, baseline, pristine: fingerprint(document), elements: elementCount(document), close };
}

/**
 * Elements in the page now, counted by a walk: cheaper than querySelectorAll('*'), and unlike
 * getElementsByTagName it leaves no live collection behind (happy-dom tells each of those about
 * every later edit of the page, which made rounds slower and slower).
 */
function elementCount(document: Document): number {
  let count = 0;
  const pending: Element[] = [document.documentElement];
  while (pending.length > 0) {
    const element = pending.pop() as Element;
    count += 1;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) pending.push(child);
  }
  return count;
}

/** The page's size in elements, its text counted as one element per CHARACTERS_PER_ELEMENT characters. */
export function pageSize(elements: number, characters: number): number {
  return Math.max(MIN_PAGE_SIZE, elements + characters / CHARACTERS_PER_ELEMENT);
}

/** Applies round `round`'s mutations through `journal`; the page stays mutated until rolled back. */
function mutate(prepared: FuzzFixture, round: number, journal: Journal): string[] {
  const random = seededRandom(seedOf(`${prepared.fixture.name}#${round}`));
  const context: MutationContext = { ...prepared.target, random, journal };
  const applied = MUTATIONS.filter((mutation) => random() < mutation.chance);
  for (const mutation of applied) mutation.apply(context);
  return applied.map((mutation) => mutation.name);
}

/** Takes every edit back; the next round starts from the page as parsed. */
function rollback(prepared: FuzzFixture, journal: Journal): void {
  journal.rollback();
  prepared.target.pool.release();
}

export interface PageRun {
  fixture: string;
  round: number;
  mutations: string[];
  elements: number;
  characters: number;
  ms: number;
}

/** Round `round` of a fixture: mutate, extract (timed), check, roll back. */
export function runRound(prepared: FuzzFixture, round: number): PageRun & { problems: string[] } {
  const journal = new Journal();
  const { document } = prepared.target;
  try {
    const mutations = mutate(prepared, round, journal);
    const elements = elementCount(document);
    const characters = document.documentElement.textContent?.length ?? 0;
    let extract: PageExtract | null = null;
    const problems: string[] = [];
    const start = performance.now();
    try {
      extract = extractPage(document, prepared.url);
    } catch (error) {
      problems.push(`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const ms = performance.now() - start;
    problems.push(...checkExtract(extract));
    return { fixture: prepared.fixture.name, round, mutations, elements, characters, ms, problems };
  } finally {
    rollback(prepared, journal);
  }
}

/** One extraction from a cold start: an edit of the page (and its undo) first empties happy-dom's query caches. */
function timeExtraction(prepared: FuzzFixture): number {
  const { document } = prepared.target;
  const marker = document.createComment('cold');
  document.body?.appendChild(marker);
  marker.remove();
  const start = performance.now();
  extractPage(document, prepared.url);
  return performance.now() - start;
}

/**
 * A yardstick: one linear pass over the page doing to each node what extraction does to every one
 * (its tag, its class, id and style attributes; its text, whitespace collapsed).
 */
export function referenceWalk(document: Document): number {
  let sum = 0;
  const pending: Node[] = [document.documentElement];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (node.nodeType === 3) {
      // A new string each time, as extraction's joined text is: V8 caches a replace on the same string.
      sum += ` ${node.nodeValue ?? ''}`.replace(/\s+/g, ' ').length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    sum += element.tagName.length + (element.getAttribute('class')?.length ?? 0) + (element.getAttribute('id')?.length ?? 0);
    sum += element.getAttribute('style') === null ? 0 : 1;
    for (let child = element.lastChild; child; child = child.previousSibling) pending.push(child);
  }
  return sum;
}

export interface Timing {
  /** Median ms of one extraction. */
  ms: number;
  /** Median ms of one referenceWalk of the same page. */
  referenceMs: number;
}

/**
 * The page's extraction and the yardstick walk of it, timed in turn `runs` times, the walk repeated
 * to last about as long as the extraction: a busy machine (another process, a GC) then slows both
 * alike, and their ratio says what the page costs whatever the load. Medians.
 */
function timeAgainstReference(prepared: FuzzFixture, runs: number): Timing {
  const { document } = prepared.target;
  const walk = () => {
    const start = performance.now();
    referenceWalk(document);
    return performance.now() - start;
  };
  const repeats = Math.max(1, Math.min(50, Math.round(timeExtraction(prepared) / Math.max(walk(), 0.001))));
  const times: number[] = [];
  const walks: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    times.push(timeExtraction(prepared));
    let total = 0;
    for (let repeat = 0; repeat < repeats; repeat += 1) total += walk();
    walks.push(total / repeats);
  }
  return { ms: median(times), referenceMs: median(walks) };
}

/** Round `round` again (mutated as it was), timed against the yardstick. */
export function remeasureRound(prepared: FuzzFixture, round: number, runs = 5): Timing {
  const journal = new Journal();
  try {
    mutate(prepared, round, journal);
    return timeAgainstReference(prepared, runs);
  } finally {
    rollback(prepared, journal);
  }
}

// ---------------------------------------------------------------------------------------------
// Scaling: the same page with its results or posts copied

/**
 * The rows of a page's listing: the children of the items' nearest common ancestor that hold an
 * item (a result with its wrappers, a post with its threaded replies).
 */
function listingRows(items: readonly Element[]): Element[] {
  if (items.length === 0) return [];
  let common: Element | null = items.length === 1 ? items[0]!.parentElement : items[0]!;
  while (common && !items.every((item) => common!.contains(item))) common = common.parentElement;
  if (!common) return [];
  return Array.from(common.children).filter((child) => items.some((item) => child.contains(item)));
}

export interface ScalingStep {
  factor: number;
  elements: number;
  items: number;
  /** Median ms of the extraction. */
  ms: number;
  /**
   * Median ms of the yardstick walk of the same page (referenceWalk), timed in turn with the
   * extraction. In happy-dom even this walk costs more per element on a larger page (5,000 elements
   * miss the CPU caches 500 fit in; a busy machine makes it worse), so large pages are judged by
   * their extraction's time against it.
   */
  referenceMs: number;
  /** Up to 8x: median ms of the 1x page's extraction, timed in turn with this page's. */
  baseMs?: number;
}

export interface ScalingResult {
  fixture: string;
  steps: ScalingStep[];
  /** Sets of measurements taken: another when the times were out of proportion (a busy machine gets more chances). */
  attempts: number;
  /** What is wrong with the time's growth; empty when it grew in proportion. */
  problems: string[];
}

/** Up to this factor the page is compared with its 1x self; from it on, with the small pages against the yardstick. */
const LARGE_FACTOR = 8;
/**
 * How much more a large page's extraction may cost against the yardstick than the small pages'
 * (1x to 4x, where a quadratic term is still negligible). A linear extraction keeps the ratio
 * (within 2x on a busy machine); one reading every post once per post makes it 4x to 7x at 64x.
 */
const LARGE_PAGE_SPREAD = 3;

/** A step's extraction time over its yardstick walk's. */
export const relativeToWalk = (step: ScalingStep) => step.ms / Math.max(step.referenceMs, 0.0001);
/** The small pages' (1x to 4x) median time against the yardstick: what the large pages are judged against. */
export const smallPagesRatio = (steps: readonly ScalingStep[]) => median(steps.filter((step) => step.factor < LARGE_FACTOR).map(relativeToWalk));

/**
 * Whether time grew in proportion to the page. Up to 8x (pages of a few hundred elements): at most
 * 2k times the 1x page's time (timed in turn with it), plus a millisecond for a timer tick. From 8x
 * on: the extraction's time against the yardstick walk at most 3x the small pages' (the median of
 * 1x, 2x and 4x), where a quadratic cost makes it grow with the page.
 */
export function scalingProblems(steps: readonly ScalingStep[]): string[] {
  const problems: string[] = [];
  for (const step of steps) {
    if (step.baseMs !== undefined && step.ms > 2 * step.factor * step.baseMs + 1) {
      problems.push(`${step.factor}x page took ${step.ms.toFixed(2)} ms, 1x ${step.baseMs.toFixed(2)} ms`);
    }
  }
  const small = smallPagesRatio(steps);
  for (const step of steps.filter((candidate) => candidate.factor >= LARGE_FACTOR)) {
    if (relativeToWalk(step) > LARGE_PAGE_SPREAD * small) {
      problems.push(`${step.factor}x page took ${relativeToWalk(step).toFixed(1)}x its yardstick walk, the small pages ${small.toFixed(1)}x`);
    }
  }
  return problems;
}

/** How badly a set of steps misses proportion: the large pages' highest time against the yardstick, over its bound. */
function overshoot(steps: readonly ScalingStep[]): number {
  const large = steps.filter((step) => step.factor >= LARGE_FACTOR).map(relativeToWalk);
  return Math.max(...large) / (LARGE_PAGE_SPREAD * smallPagesRatio(steps));
}

/**
 * The scaling of an adapter, measured on its fixture with the most items among the small ones (a
 * 64x copy of a 2,000-element page takes long to build); null without fixtures.
 */
function scalingOf(prepared: readonly FuzzFixture[]): ScalingResult | null {
  const small = prepared.filter((candidate) => candidate.elements <= 500);
  const pool = small.length > 0 ? small : prepared;
  const page = [...pool].sort((a, b) => (b.baseline?.items.length ?? 0) - (a.baseline?.items.length ?? 0))[0];
  return page ? measureScaling(page) : null;
}

/** The yardstick walk repeated to last about `ms`: its median time per walk. */
function walkFor(document: Document, ms: number): number {
  const start = performance.now();
  referenceWalk(document);
  const once = performance.now() - start;
  const repeats = Math.max(1, Math.min(50, Math.round(ms / Math.max(once, 0.001))));
  const again = performance.now();
  for (let repeat = 0; repeat < repeats; repeat += 1) referenceWalk(document);
  return (performance.now() - again) / repeats;
}

export function measureScaling(prepared: FuzzFixture, runs = 5, attempts = 3): ScalingResult {
  const { document } = prepared.target;
  const rows = listingRows(prepared.target.items);
  const maxCopies = Math.max(...SCALING_FACTORS) - 1;
  // Copies made once: a factor's page puts in the first factor-1 of each row's, after the row.
  const copies = rows.map((row) => Array.from({ length: maxCopies }, () => row.cloneNode(true) as Element));
  const build = (factor: number, journal: Journal) => {
    rows.forEach((row, index) => {
      let after: Node = row;
      for (const copy of copies[index]!.slice(0, factor - 1)) {
        if (row.parentNode && journal.place(copy, row.parentNode, after.nextSibling)) after = copy;
      }
    });
  };
  let best: ScalingStep[] = [];
  let attempt = 0;
  while (attempt < attempts) {
    attempt += 1;
    const steps: ScalingStep[] = [];
    for (const factor of SCALING_FACTORS) {
      const times: number[] = [];
      const walks: number[] = [];
      const bases: number[] = [];
      let shape = { elements: 0, items: 0 };
      for (let run = 0; run < runs; run += 1) {
        const journal = new Journal();
        try {
          build(factor, journal);
          const ms = timeExtraction(prepared);
          times.push(ms);
          // The yardstick and the 1x page, each timed right after for as long: a busy spell falls on all alike.
          walks.push(walkFor(document, ms));
          if (run === 0) shape = { elements: elementCount(document), items: extractPage(document, prepared.url)?.items.length ?? 0 };
        } finally {
          journal.rollback();
        }
        if (factor > 1 && factor <= LARGE_FACTOR) {
          const repeats = Math.max(1, Math.min(50, Math.round(factor)));
          let total = 0;
          for (let repeat = 0; repeat < repeats; repeat += 1) total += timeExtraction(prepared);
          bases.push(total / repeats);
        }
      }
      steps.push({ factor, ...shape, ms: median(times), referenceMs: median(walks), ...(bases.length > 0 ? { baseMs: median(bases) } : {}) });
    }
    const better =
      best.length === 0 ||
      scalingProblems(steps).length < scalingProblems(best).length ||
      (scalingProblems(steps).length === scalingProblems(best).length && overshoot(steps) < overshoot(best));
    if (better) best = steps;
    if (scalingProblems(best).length === 0) break;
  }
  return { fixture: prepared.fixture.name, steps: best, attempts: attempt, problems: scalingProblems(best) };
}

// ---------------------------------------------------------------------------------------------
// One adapter

export interface TimedPage extends PageRun {
  /** ms per 1,000 elements of page size (see pageSize). */
  msPer1000: number;
  /** Set when timed again against the yardstick: `ms` is then a median of 5 runs. */
  referenceMs?: number;
  /**
   * The page's extraction time over its yardstick walk, divided by the same ratio for its fixture
   * as parsed: how many times more the mutated page costs per unit of size, whatever the load.
   */
  relative?: number;
}

export interface AdapterResult {
  id: string;
  pages: number;
  /** Rounds per fixture. */
  rounds: Record<string, number>;
  problemCount: number;
  /** The first problems, each with the page that shows it (fixture, round, mutations). */
  problems: string[];
  seconds: number;
  /** Over all pages, one run each. */
  medianMsPer1000: number;
  /** The slowest single run per 1,000 elements, before it was timed again. */
  slowestSingleRunMsPer1000: number;
  /** The slowest page per 1,000 elements of the TIMED_AGAIN slowest single runs, its time the median of 5 runs. */
  worst: TimedPage;
  /** The page costing most against its fixture (`relative`), of the slowest pages timed again. */
  worstRelative: TimedPage;
  /** Of the pages timed again, the worst counting its elements only, not its text (a page with 400k characters comes first). */
  worstByElementsOnly: TimedPage & { msPer1000Elements: number };
  largestPage: { elements: number; characters: number };
  scaling: ScalingResult | null;
}

/** Each fixture's share of the adapter's pages: a fixture over 500 elements gets fewer rounds, in proportion. */
export function roundsPerFixture(elements: readonly number[], total = PAGES_PER_ADAPTER): number[] {
  const weights = elements.map((count) => Math.min(1, 500 / Math.max(1, count)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.ceil((total * weight) / sum));
}

const MAX_PROBLEMS_KEPT = 30;
/** How many of the slowest pages are timed again, as medians of 5 runs against the yardstick. */
export const TIMED_AGAIN = 100;

/** The adapter's fixtures, each parsed once; the caller closes them. */
function prepareAdapterFixtures(siteId: string): FuzzFixture[] {
  const site = SITES.find((candidate) => candidate.id === siteId);
  return (site ? loadFixtures(site.kind, site.id) : []).map(prepareFixture);
}

/**
 * The fuzz's scaling measurement of one adapter on its own (no mutated pages): the linearity verdict
 * of `npm run bench`, which unlike a test may read a busy machine's times without failing anything.
 */
export async function measureAdapterScaling(siteId: string): Promise<ScalingResult | null> {
  const prepared = prepareAdapterFixtures(siteId);
  try {
    return scalingOf(prepared);
  } finally {
    await Promise.all(prepared.map((fixture) => fixture.close()));
  }
}

export async function fuzzAdapter(siteId: string, options: { pages?: number } = {}): Promise<AdapterResult> {
  const started = performance.now();
  const prepared = prepareAdapterFixtures(siteId);
  const rounds = roundsPerFixture(
    prepared.map((fixture) => fixture.elements),
    options.pages ?? PAGES_PER_ADAPTER,
  );
  const pages: TimedPage[] = [];
  const problems: string[] = [];
  let problemCount = 0;
  try {
    prepared.forEach((fixture, index) => {
      for (let round = 0; round < rounds[index]!; round += 1) {
        const run = runRound(fixture, round);
        const { problems: found, ...page } = run;
        pages.push({ ...page, msPer1000: (page.ms / pageSize(page.elements, page.characters)) * 1000 });
        problemCount += found.length;
        for (const problem of found.slice(0, Math.max(0, MAX_PROBLEMS_KEPT - problems.length))) {
          problems.push(`${fixture.fixture.name} round ${round} (${page.mutations.join(', ')}): ${problem.slice(0, 400)}`);
        }
        // The journal must give back the page as parsed, or rounds would depend on each other.
        if (round % 1000 === 999 || round === rounds[index]! - 1) {
          if (fingerprint(fixture.target.document) !== fixture.pristine) {
            problemCount += 1;
            problems.push(`${fixture.fixture.name}: the page differs from the parsed one after round ${round} (fuzz harness bug)`);
          }
        }
      }
    });

    const medianMsPer1000 = median(pages.map((page) => page.msPer1000));
    const byName = new Map(prepared.map((fixture) => [fixture.fixture.name, fixture]));
    // Each fixture as parsed, against the yardstick: what its pages are compared with.
    const pristineRatio = new Map(
      prepared.map((fixture) => {
        const timing = timeAgainstReference(fixture, 7);
        return [fixture.fixture.name, timing.ms / Math.max(timing.referenceMs, 0.0001)];
      }),
    );
    const remeasure = (page: TimedPage) => {
      const timing = remeasureRound(byName.get(page.fixture)!, page.round);
      page.ms = timing.ms;
      page.referenceMs = timing.referenceMs;
      page.msPer1000 = (timing.ms / pageSize(page.elements, page.characters)) * 1000;
      page.relative = timing.ms / Math.max(timing.referenceMs, 0.0001) / pristineRatio.get(page.fixture)!;
    };
    // The slowest single runs again, as medians: one run may have met a GC pause or a busy core, and a
    // page that is really slow is among them.
    const slowestSingleRun = [...pages].sort((a, b) => b.msPer1000 - a.msPer1000).slice(0, TIMED_AGAIN);
    const slowestSingleRunMsPer1000 = slowestSingleRun[0]?.msPer1000 ?? 0;
    for (const page of slowestSingleRun) remeasure(page);
    // And the slowest by elements alone (text not counted: pages with 100k-character words come first).
    const perElement = (page: TimedPage) => (page.ms / Math.max(MIN_PAGE_SIZE, page.elements)) * 1000;
    const slowestPerElement = [...pages].sort((a, b) => perElement(b) - perElement(a)).slice(0, TIMED_AGAIN / 10);
    for (const page of slowestPerElement) if (page.referenceMs === undefined) remeasure(page);
    const timedAgain = pages.filter((page) => page.relative !== undefined);
    let worstRelative = [...timedAgain].sort((a, b) => b.relative! - a.relative!)[0]!;
    // Over the bound: two more chances, the lower counts (a busy spell may outlast one measurement).
    for (let chance = 0; worstRelative.relative! > MAX_TIMES_FIXTURE_COST && chance < 2; chance += 1) {
      const before = { ...worstRelative };
      remeasure(worstRelative);
      if (before.relative! < worstRelative.relative!) Object.assign(worstRelative, before);
      worstRelative = [...timedAgain].sort((a, b) => b.relative! - a.relative!)[0]!;
    }
    const worst = [...timedAgain].sort((a, b) => b.msPer1000 - a.msPer1000)[0]!;
    const worstByElementsOnly = [...timedAgain].sort((a, b) => perElement(b) - perElement(a))[0]!;
    const largest = [...pages].sort((a, b) => pageSize(b.elements, b.characters) - pageSize(a.elements, a.characters))[0]!;
    const scaling = scalingOf(prepared);
    return {
      id: siteId,
      pages: pages.length,
      rounds: Object.fromEntries(prepared.map((fixture, index) => [fixture.fixture.name, rounds[index]!])),
      problemCount,
      problems,
      seconds: (performance.now() - started) / 1000,
      medianMsPer1000,
      slowestSingleRunMsPer1000,
      worst,
      worstRelative,
      worstByElementsOnly: { ...worstByElementsOnly, msPer1000Elements: perElement(worstByElementsOnly) },
      largestPage: { elements: largest.elements, characters: largest.characters },
      scaling,
    };
  } finally {
    await Promise.all(prepared.map((fixture) => fixture.close()));
  }
}
