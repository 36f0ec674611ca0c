import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreOf, clickTagButton, devtoolsOf, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, openActionPopup, sendMessage, type Harness } from './harness';

const GOOGLE_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const bingFixture = path.resolve(__dirname, '../fixtures/serp/bing/desktop-2024');
const BING_URL = (JSON.parse(readFileSync(`${bingFixture}.json`, 'utf8')) as { pageUrl: string }).pageUrl;

const count = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.length);

/** Waits until the page holds `expected` elements matching `selector` (polled: the tab may be in the background). */
const waitForCount = (page: Page, selector: string, expected: number) =>
  page.waitForFunction((css, wanted) => document.querySelectorAll(css).length === wanted, { polling: 100, timeout: 10_000 }, selector, expected);

interface Node {
  backendNodeId: number;
  localName: string;
  attributes?: string[];
  nodeType: number;
  nodeValue: string;
  children?: Node[];
  shadowRoots?: Node[];
}

const inside = (node: Node): Node[] => [...(node.shadowRoots ?? []), ...(node.children ?? [])];

/** Every `<rl-notice>` of the page with what its closed root holds, read as DevTools does (shadow roots pierced). */
async function notices(page: Page): Promise<Node[]> {
  const session = await devtoolsOf(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: Node };
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.localName === 'rl-notice') found.push(node);
    inside(node).forEach(visit);
  };
  visit(root);
  return found;
}

const textOf = (node: Node): string => (node.nodeType === 3 ? node.nodeValue : inside(node).map(textOf).join(' '));

/** Clicks a button of the page's notice with real mouse input, as the user does. */
async function clickNoticeButton(page: Page, action: string): Promise<void> {
  const [notice] = await notices(page);
  const find = (node: Node): Node | undefined =>
    node.localName === 'button' && node.attributes?.join(' ').includes(`data-action ${action}`) ? node : inside(node).map(find).find(Boolean);
  const button = notice && find(notice);
  if (!button) throw new Error(`No "${action}" button in the page's notice`);
  const { x, y } = await centreOf(page, button.backendNodeId);
  await page.mouse.click(x, y);
}

async function markedCount(harness: Harness): Promise<number> {
  const control = await harness.extensionPage('manifest.json');
  const answer = await sendMessage<{ report: { markedCount: number } | null }>(control, 'kpi.get', {});
  await control.close();
  return answer.report?.markedCount ?? 0;
}

/** Clicks a quiet-mode switch in the real action popup of `tab`, and closes the popup. */
async function switchInPopup(harness: Harness, tab: Page, testId: 'quiet-site' | 'quiet-everywhere'): Promise<void> {
  const popup = await openActionPopup(harness, tab);
  await popup.waitForSelector(`[data-testid="${testId}"]`);
  const before = await popup.$eval(`[data-testid="${testId}"]`, (box) => (box as HTMLInputElement).checked);
  await popup.click(`[data-testid="${testId}"]`);
  await popup.waitForFunction((id, was) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).checked !== was, { polling: 50 }, testId, before);
  await popup.close();
}

describe('quiet mode and the one notice of a page without a project', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([
      { url: GOOGLE_URL, file: fixture('google-acme-reviews.html') },
      { url: BING_URL, file: `${bingFixture}.html` },
    ]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('without a project a results page shows exactly one notice, before the first result, and no row repeats it', async () => {
    const page = await harness.open(GOOGLE_URL);
    const row = await waitForTagRow(page, rankSelector(1), (shown) => shown.suggested !== null);
    expect(row.parts.map((part) => part.text).join(' ')).not.toMatch(/project/i);
    expect(await count(page, 'rl-tags')).toBe(2);
    expect(await count(page, 'rl-notice')).toBe(1);
    const texts = (await notices(page)).map(textOf);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/no project/);
    expect(texts[0]).toMatch(/Set up a project/);
    expect(texts[0]).toMatch(/Hide tags on this site/);
    expect(await page.$eval('rl-notice', (notice) => notice.nextElementSibling?.contains(document.querySelector('[data-rl-rank="1"]')))).toBe(true);

    // Its "hide tags on this site" is quiet mode: rows and notice go at once; the popup shows them again.
    await clickNoticeButton(page, 'hide-on-site');
    await waitForCount(page, 'rl-tags', 0);
    expect(await count(page, 'rl-notice')).toBe(0);
    await switchInPopup(harness, page, 'quiet-site');
    await waitForCount(page, 'rl-notice', 1);
    expect(await count(page, 'rl-tags')).toBe(2);

    // A project set up meanwhile (in the dashboard the notice opens): back on the page, the notice goes and the
    // rows mark for it.
    const control = await harness.extensionPage('manifest.json');
    await sendMessage(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } });
    await control.close();
    await page.bringToFront();
    await waitForCount(page, 'rl-notice', 0);
    await clickTagButton(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(1), 'positive');
    await page.close();
  });

  it('hides the tags on the site from the popup at once, marks kept, and shows them again with the mark', async () => {
    const page = await harness.open(GOOGLE_URL);
    await waitForTagMark(page, rankSelector(1), 'positive');
    expect(await markedCount(harness)).toBe(1);

    await switchInPopup(harness, page, 'quiet-site');
    await waitForCount(page, 'rl-tags', 0);
    // Still read and observed: the items keep their attributes, the mark is still stored.
    expect(await count(page, '[data-rl-item="serp"]')).toBe(2);
    expect(await markedCount(harness)).toBe(1);
    // Hidden on the next load too.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-rl-item="serp"]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count(page, 'rl-tags')).toBe(0);

    await switchInPopup(harness, page, 'quiet-site');
    await waitForTagMark(page, rankSelector(1), 'positive');
    expect(await count(page, 'rl-tags')).toBe(2);
    await page.close();
  });

  it('"everywhere" hides the tags on another engine too, and on pages open already', async () => {
    const google = await harness.open(GOOGLE_URL);
    await waitForTagMark(google, rankSelector(1), 'positive');
    await switchInPopup(harness, google, 'quiet-everywhere');
    await waitForCount(google, 'rl-tags', 0);

    const bing = await harness.open(BING_URL);
    await bing.waitForSelector('[data-rl-item="serp"]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count(bing, 'rl-tags')).toBe(0);

    await switchInPopup(harness, bing, 'quiet-everywhere');
    await waitForTagRow(bing, rankSelector(1));
    await waitForTagMark(google, rankSelector(1), 'positive');
    await Promise.all([google.close(), bing.close()]);
  });

  it('made no network request of its own', () => {
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
