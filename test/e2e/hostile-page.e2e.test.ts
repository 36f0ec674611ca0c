// A search page that works against the extension, in the real browser: its scripts try to detect the extension,
// switch it off, read the user's marks and the client badges, make marks of their own, and make a row act for a URL
// it was not drawn for. Everything here is done by page scripts except what a test helper says is the user's input.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromExtensionPage } from '../bench/browser';
import { clickTagButton, pressKeyOnTagButton, rankSelector, readTagRow, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, type Harness } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const CLIENT_URL = 'https://acmeclinic.com/';
const REVIEW_URL = 'https://reviews.example.org/acme-clinic?utm_source=google';

/**
 * Runs in the page before any of its own scripts: records every window message and every event named as WXT
 * names the ones it dispatches for a content script (`<extension id>:<script>:wxt:<event>`), and defines
 * <rl-tags> as the page's own custom element, keeping its ElementInternals (which can reach a shadow root
 * attached to a custom element, closed or not).
 */
function hostileProbe(extensionId: string): string {
  const names = ['serp', 'forum'].flatMap((script) =>
    ['content-script-started', 'locationchange'].map((event) => `${extensionId}:${script}:wxt:${event}`),
  );
  return `(() => {
    const seen = (window.__hostileSeen = []);
    const describe = (value) => { try { return JSON.stringify(value); } catch { return String(value); } };
    window.addEventListener('message', (event) => seen.push({ kind: 'message', data: describe(event.data) }), true);
    for (const name of ${JSON.stringify(names)}) {
      for (const target of [window, document]) {
        target.addEventListener(name, (event) => seen.push({ kind: 'event', type: event.type, detail: describe(event.detail) }), true);
      }
    }
    const internals = (window.__hostileInternals = []);
    customElements.define('rl-tags', class extends HTMLElement {
      constructor() {
        super();
        internals.push(this.attachInternals());
      }
    });
  })();`;
}

async function openHostile(harness: Harness): Promise<Page> {
  const tab = await harness.newTab();
  await tab.evaluateOnNewDocument(hostileProbe(harness.extensionId));
  await tab.goto(REVIEWS_URL, { waitUntil: 'load' });
  await waitForTagRow(tab, rankSelector(1));
  await waitForTagRow(tab, rankSelector(2));
  return tab;
}

/** What the background has stored, as the popup reports it. */
async function waitForPopupValue(harness: Harness, testId: string, expected: string): Promise<void> {
  const popup = await harness.extensionPage('popup.html');
  try {
    await popup
      .waitForFunction((id, value) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') === value, { polling: 200, timeout: 15_000 }, testId, expected)
      .catch(async () => {
        const actual = await popup.$eval(`[data-testid="${testId}"]`, (element) => element.getAttribute('data-value')).catch(() => 'absent');
        throw new Error(`${testId} is "${actual}", expected "${expected}"`);
      });
  } finally {
    await popup.close();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 800));

describe('a hostile search page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
    const control = await harness.extensionPage('manifest.json');
    await sendFromExtensionPage(control, [
      {
        type: 'projects.save',
        payload: { input: { name: 'Acme Clinic', clientDomains: ['acmeclinic.com'], brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic reviews'] } },
      },
    ]);
    await control.close();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('is told nothing at start-up that names the extension, and cannot switch it off with any such event', async () => {
    const page = await openHostile(harness);
    const seen = (await page.evaluate('window.__hostileSeen')) as { kind: string; data?: string; type?: string }[];
    expect(seen.filter((entry) => JSON.stringify(entry).includes(harness.extensionId))).toEqual([]);
    expect(seen.filter((entry) => entry.kind === 'event')).toEqual([]);

    // Everything the page saw, sent back with another sender's id, and the events WXT's context listened for.
    await page.evaluate(
      (messages, extensionId) => {
        for (const message of messages) window.postMessage({ ...JSON.parse(message), messageId: 'hostile' }, '*');
        for (const script of ['serp', 'forum']) {
          const detail = { contentScriptName: script, messageId: 'hostile' };
          document.dispatchEvent(new CustomEvent(`${extensionId}:${script}:wxt:content-script-started`, { detail }));
          window.postMessage({ type: `${extensionId}:${script}:wxt:content-script-started`, ...detail }, '*');
          window.dispatchEvent(new Event(`${extensionId}:${script}:wxt:locationchange`));
        }
      },
      seen.filter((entry) => entry.kind === 'message' && entry.data?.startsWith('{')).map((entry) => entry.data!),
      harness.extensionId,
    );
    await settle();
    expect(await page.$$eval('rl-tags', (rows) => rows.length)).toBe(2);
    expect(await page.$$eval('[data-rl-item="serp"]', (items) => items.length)).toBe(2);
    // Still working: a change of the page is still picked up.
    await page.evaluate(() => {
      const rso = document.querySelector('#rso')!;
      const copy = rso.querySelector('.MjjYud')!.cloneNode(true) as Element;
      copy.querySelector('a')!.setAttribute('href', 'https://late.example.net/acme');
      rso.append(copy);
    });
    await waitForTagRow(page, rankSelector(3));
    await page.close();
  });

  it('cannot open the rows, click their buttons or read the marks and badges; only the user marks, mouse or keyboard', async () => {
    const page = await openHostile(harness);
    const attempts = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('rl-tags')];
      const internals = (window as unknown as { __hostileInternals: ElementInternals[] }).__hostileInternals;
      const roots = [...hosts.map((host) => host.shadowRoot), ...internals.map((entry) => entry.shadowRoot)];
      // Whatever the page finds, it clicks: the hosts themselves, every button it can reach, keys on the hosts.
      for (const host of hosts) {
        (host as HTMLElement).click();
        for (const key of ['Enter', ' ']) {
          host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
        }
      }
      for (const root of roots) for (const button of root?.querySelectorAll('button') ?? []) (button as HTMLButtonElement).click();
      return { hosts: hosts.length, internals: internals.length, openRoots: roots.filter((root) => root !== null).length };
    });
    // The page's own <rl-tags> class did upgrade our hosts, and still got no root.
    expect(attempts).toEqual({ hosts: 2, internals: 2, openRoots: 0 });
    await settle();
    await waitForPopupValue(harness, 'marked-count', '0');
    expect((await readTagRow(page, rankSelector(1)))?.marked).toBeNull();

    await pressKeyOnTagButton(page, rankSelector(1), 'positive', 'Enter');
    await waitForTagMark(page, rankSelector(1), 'positive');
    await waitForPopupValue(harness, 'marked-count', '1');

    const readable = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        element.getAttributeNames().map((name) => ({ element: element.localName, name, value: element.getAttribute(name) ?? '' })),
      ),
    );
    expect(new Set(readable.filter(({ name }) => name.startsWith('data-rl')).map(({ name }) => name))).toEqual(
      new Set(['data-rl-item', 'data-rl-rank', 'data-rl-url']),
    );
    expect(readable.filter(({ element }) => element === 'rl-tags')).toEqual([]);
    expect(readable.filter(({ value }) => /positive|negative|neutral|irrelevant|suggested|marked|client site|mentions client/i.test(value))).toEqual([]);
    await page.close();
  });

  it('keeps a row acting for the URL it was drawn for when the page rewrites the result afterwards', async () => {
    const page = await openHostile(harness);
    await waitForTagMark(page, rankSelector(1), 'positive');
    await clickTagButton(page, rankSelector(2), 'negative');
    await waitForTagMark(page, rankSelector(2), 'negative');

    // The first result now points at the second one's page and carries its title; a change to the tree follows.
    await page.evaluate((url) => {
      const first = document.querySelector('[data-rl-rank="1"]')!;
      first.querySelector('a')!.setAttribute('href', url);
      first.querySelector('h3')!.textContent = 'Acme Clinic reviews: long waits and rude staff';
      document.body.append(document.createElement('div'));
    }, REVIEW_URL);
    await settle();
    const first = await readTagRow(page, rankSelector(1));
    expect(first?.marked).toBe('positive');
    expect(await page.$eval(rankSelector(1), (element) => element.getAttribute('data-rl-url'))).toBe(CLIENT_URL);
    expect(await page.$$eval('rl-tags', (rows) => rows.length)).toBe(2);

    // The user's click marks the client's site, the row's own URL; the review keeps its negative mark.
    await clickTagButton(page, rankSelector(1), 'neutral');
    await waitForTagMark(page, rankSelector(1), 'neutral');
    await waitForPopupValue(harness, 'marked-count', '2');
    await page.close();

    const fresh = await harness.open(REVIEWS_URL);
    await waitForTagMark(fresh, rankSelector(1), 'neutral');
    await waitForTagMark(fresh, rankSelector(2), 'negative');
    await fresh.close();
  });

  it('made no network request of its own', () => {
    expect(harness.watchedWorkers.size).toBeGreaterThan(0);
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
