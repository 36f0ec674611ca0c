import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSite, devtoolsOf, tagRowLayout, waitForTagRow, type Box, type TagRowLayout } from '../support/browser';
import { fixture, launchWithExtension, openActionPopup, sendMessage, type Harness } from './harness';

const serpFixtureDir = path.resolve(__dirname, '../fixtures/serp');
const pageUrlOf = (name: string): string =>
  (JSON.parse(readFileSync(path.join(serpFixtureDir, `${name}.json`), 'utf8')) as { pageUrl: string }).pageUrl;
const FORUM_URL = 'https://forum.smiletalk.example.net/viewtopic.php?t=77';

/**
 * The pages the e2e suite serves, each with its result column about as wide as the site's own (`css` stands for the
 * site's stylesheet, which our fixtures leave out): Yandex's 536 px as a user measured it, the others from their
 * desktop layouts. The forum gets prosilver's floated profile beside the post.
 */
const SITES = [
  { site: 'Google', url: 'https://www.google.com/search?q=acme+clinic+reviews', file: fixture('google-acme-reviews.html'), css: '#center_col { width: 652px }' },
  { site: 'Bing', url: pageUrlOf('bing/desktop-2024'), file: path.join(serpFixtureDir, 'bing/desktop-2024.html'), css: '#b_results { width: 608px }' },
  { site: 'Yandex', url: pageUrlOf('yandex/desktop-2023'), file: path.join(serpFixtureDir, 'yandex/desktop-2023.html'), css: '.content__left { width: 536px }' },
  { site: 'DuckDuckGo', url: pageUrlOf('duckduckgo/js-2024'), file: path.join(serpFixtureDir, 'duckduckgo/js-2024.html'), css: '.results--main { width: 640px }' },
  { site: 'Brave', url: pageUrlOf('brave/web-2022'), file: path.join(serpFixtureDir, 'brave/web-2022.html'), css: '#results { width: 640px }' },
  {
    site: 'a phpBB forum',
    url: FORUM_URL,
    file: fixture('phpbb-acme-thread.html'),
    css: '.wrap { max-width: 1152px; margin: 0 auto; padding: 15px } .postprofile { float: right; width: 22% } .postbody { float: left; width: 76% } .inner::after { content: ""; display: block; clear: both }',
  },
  {
    // A page whose rules reach every element it has, the rows' hosts included: none of it may reach the rows.
    site: 'Yandex with rules for all its elements',
    url: `${pageUrlOf('yandex/desktop-2023')}&all=1`,
    file: path.join(serpFixtureDir, 'yandex/desktop-2023.html'),
    css: '.content__left { width: 536px } * { font: 19px/2.5 Georgia, serif !important; letter-spacing: 1px !important; white-space: normal !important; margin: 0 !important; max-width: none !important; height: auto !important; contain: none !important }',
  },
] as const;

/** A column narrower than any search engine's: a phone-sized window or a sidebar. */
const NARROW = { site: 'Yandex in a 320 px column', url: `${SITES[2].url}&narrow=1`, file: SITES[2].file, css: '.content__left { width: 320px }' };

const LANGUAGES = ['en', 'ru', 'bg'] as const;
/** What the row's buttons are called, in the compact form as in words. */
const BUTTON_NAMES = {
  en: ['positive', 'neutral', 'negative', 'irrelevant', 'recommends'],
  ru: ['позитив', 'нейтрально', 'негатив', 'не по теме', 'рекомендует'],
  bg: ['позитивно', 'неутрално', 'негативно', 'извън темата', 'препоръчва'],
};

/** Half a CSS pixel: box edges are fractional. */
const EPSILON = 0.5;
const width = (box: Box) => box.right - box.left;
const height = (box: Box) => box.bottom - box.top;

/** The page's HTML with the site's column style, served instead of the bare fixture. */
function withColumnStyle(directory: string, page: { site: string; file: string; css: string }): string {
  const file = path.join(directory, `${page.site.replace(/\W+/g, '-')}.html`);
  writeFileSync(file, readFileSync(page.file, 'utf8').replace('</head>', `<style>${page.css}</style></head>`));
  return file;
}

/** Selectors of the page's tagged items, once every item has its row showing its state (not "…" any more). */
async function taggedItems(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.querySelectorAll('[data-rl-item]').length > 0 && document.querySelectorAll('[data-rl-item]').length === document.querySelectorAll('rl-tags').length, { timeout: 15_000 });
  const selectors = await page.$$eval('[data-rl-item]', (items) =>
    items.map((item) => (item.hasAttribute('data-rl-rank') ? `[data-rl-rank="${item.getAttribute('data-rl-rank')}"]` : `[data-rl-url=${JSON.stringify(item.getAttribute('data-rl-url'))}]`)),
  );
  for (const selector of selectors) await waitForTagRow(page, selector, (row) => !row.parts[0]!.text.includes('…'));
  return selectors;
}

/** What is wrong with a row's geometry: empty when it stands on one line with all its parts inside it. */
function misfits(layout: TagRowLayout): string[] {
  const { host, row, parts } = layout;
  const problems: string[] = [];
  if (parts.filter((part) => part.action !== null).length !== 5) problems.push(`${parts.length} parts, not the five buttons`);
  // One line: every part spans a common horizontal band, and the row is no taller than the line the host keeps.
  const lowestTop = Math.max(...parts.map((part) => part.box.top));
  const highestBottom = Math.min(...parts.map((part) => part.box.bottom));
  if (lowestTop >= highestBottom) problems.push(`parts on more than one line (tops down to ${lowestTop}, bottoms up to ${highestBottom})`);
  if (Math.abs(height(row) - height(host)) > EPSILON) problems.push(`row ${height(row)}px high in a ${height(host)}px host`);
  if (row.left < host.left - EPSILON || row.right > host.right + EPSILON) problems.push(`row ${row.left}..${row.right} outside its host ${host.left}..${host.right}`);
  for (const part of parts) {
    if (part.box.left < row.left - EPSILON || part.box.right > row.right + EPSILON) {
      problems.push(`${part.action ?? part.className} ${part.box.left}..${part.box.right} outside the row ${row.left}..${row.right}`);
    }
  }
  return problems;
}

/**
 * Every element of the page (its own, not the rows) by its left edge and width, with the rows in, then with them
 * taken out (in one task, before the extension could put them back).
 */
function horizontalGeometry(page: Page): Promise<{ withRows: string[]; withoutRows: string[]; overflow: number }> {
  return page.evaluate(() => {
    const elements = [...document.body.querySelectorAll('*')].filter((element) => element.localName !== 'rl-tags');
    const geometry = () =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return `${element.localName}.${element.className} left ${Math.round(box.left)} width ${Math.round(box.width)}`;
      });
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const withRows = geometry();
    for (const row of document.querySelectorAll('rl-tags')) row.remove();
    return { withRows, withoutRows: geometry(), overflow };
  });
}

/** The accessible names of the buttons of the first tag row, as assistive technology gets them. */
async function firstRowButtonNames(page: Page): Promise<string[]> {
  const { nodes } = await (await devtoolsOf(page)).send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const row = nodes.find((node) => node.role?.value === 'group' && node.name?.value === 'Reputation Lens');
  const inside = (node: (typeof nodes)[number]): (typeof nodes)[number][] =>
    (node.childIds ?? []).flatMap((id) => {
      const child = byId.get(id);
      return child ? [child, ...inside(child)] : [];
    });
  return row ? inside(row).filter((node) => node.role?.value === 'button').map((node) => String(node.name?.value)) : [];
}

/**
 * A tag row never wraps and never moves the page: on every engine the suite serves and on a forum, with the result
 * column as wide as the site's, in English, Russian and Bulgarian (the longest words), and in a column narrower
 * than any.
 */
describe('tag rows fit their column', () => {
  let harness: Harness;
  let directory: string;
  let control: Page;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'rl-row-fit-'));
    harness = await launchWithExtension([...SITES, NARROW].map((page) => ({ url: page.url, file: withColumnStyle(directory, page) })));
    control = await harness.extensionPage('manifest.json');
    await sendMessage(control, 'projects.save', {
      input: {
        name: 'Acme',
        brandTerms: ['Acme', 'Акме'],
        clientDomains: ['acmeclinic.com', 'acme.example', 'acme.example.ru'],
        keyQueries: ['acme clinic reviews', 'acme widgets', 'акме отзывы'],
      },
    });
    await auditSite(harness, new URL(FORUM_URL).origin);
  });

  afterAll(async () => {
    await harness?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const open = async (url: string, language: (typeof LANGUAGES)[number]): Promise<Page> => {
    // The interface language as the dashboard's setting stores it; a page reads it when its script starts.
    await control.evaluate((uiLocale) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ uiLocale }), language);
    const page = await harness.newTab();
    await page.setViewport({ width: 1280, height: 800 });
    // Each row's height the moment it is put in the page, while it still shows "…" (the page can see its host).
    await page.evaluateOnNewDocument(() => {
      const heights: number[] = [];
      (globalThis as unknown as { rowHeightsAtInsertion: number[] }).rowHeightsAtInsertion = heights;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) if (node instanceof Element && node.localName === 'rl-tags') heights.push(node.getBoundingClientRect().height);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    return page;
  };

  for (const language of LANGUAGES) {
    for (const site of SITES) {
      it(`${site.site}, ${language}: every row one line, nothing cut, the page's layout unmoved`, async () => {
        const page = await open(site.url, language);
        const items = await taggedItems(page);
        const problems: string[] = [];
        for (const item of items) {
          const layout = await tagRowLayout(page, item);
          if (!layout) problems.push(`${item}: no row`);
          else problems.push(...misfits(layout).map((problem) => `${item}: ${problem}`));
        }
        expect(problems).toEqual([]);
        // The line a row keeps from the start: its state arriving did not make it taller or shorter.
        const lineHeight = height((await tagRowLayout(page, items[0]!))!.host);
        const atInsertion = await page.evaluate(() => (globalThis as unknown as { rowHeightsAtInsertion: number[] }).rowHeightsAtInsertion);
        expect(atInsertion.length).toBeGreaterThanOrEqual(items.length);
        expect(new Set(atInsertion)).toEqual(new Set([lineHeight]));
        const { withRows, withoutRows, overflow } = await horizontalGeometry(page);
        expect(overflow, 'a horizontal scrollbar').toBeLessThanOrEqual(0);
        expect(withRows).toEqual(withoutRows);
        await page.close();
      });
    }

    it(`${NARROW.site}, ${language}: still one line, in the compact form, its buttons named in words`, async () => {
      const page = await open(NARROW.url, language);
      const items = await taggedItems(page);
      for (const item of items) {
        const layout = (await tagRowLayout(page, item))!;
        expect(misfits(layout), item).toEqual([]);
        // A glyph per button, not a word.
        for (const part of layout.parts.filter((each) => each.action !== null)) expect(width(part.box), `${item} ${part.action}`).toBeLessThan(30);
      }
      expect(await firstRowButtonNames(page)).toEqual(BUTTON_NAMES[language]);
      const { withRows, withoutRows, overflow } = await horizontalGeometry(page);
      expect(overflow, 'a horizontal scrollbar').toBeLessThanOrEqual(0);
      expect(withRows).toEqual(withoutRows);
      await page.close();
    });
  }
});

/** The popup keeps its title on one line and its width whatever the project is called. */
describe('the popup with a long project name', () => {
  const GOOGLE_URL = SITES[0].url;
  const NAME = 'Acme Clinic Family Medicine and Dental Care Centre of the Greater Riverside Area';
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: GOOGLE_URL, file: SITES[0].file }]);
    const control = await harness.extensionPage('manifest.json');
    await sendMessage(control, 'projects.save', { input: { name: NAME, clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('an 80-character name: the title on one line, the popup no wider, the whole name the switcher’s value and tooltip', async () => {
    expect(NAME).toHaveLength(80);
    const tab = await harness.open(GOOGLE_URL);
    const popup = await openActionPopup(harness, tab);
    await popup.waitForSelector('[data-testid="marked-count"]');
    const shown = await popup.evaluate(() => {
      const title = document.querySelector('h1')!;
      const lines = document.createRange();
      lines.selectNodeContents(title);
      const select = document.querySelector<HTMLSelectElement>('[data-testid="project-select"]')!;
      const header = document.querySelector('header')!.getBoundingClientRect();
      return {
        titleLines: lines.getClientRects().length,
        popupWidth: window.innerWidth,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        selectInHeader: select.getBoundingClientRect().right <= header.right + 0.5,
        value: select.selectedOptions[0]?.textContent,
        tooltip: select.title,
      };
    });
    expect(shown).toEqual({ titleLines: 1, popupWidth: expect.any(Number), overflow: 0, selectInHeader: true, value: NAME, tooltip: NAME });
    // As wide as with a short name (the body's 340 px and a scrollbar), not stretched by the name.
    expect(shown.popupWidth).toBeLessThan(400);
    await popup.close();
    await tab.close();
  });
});
