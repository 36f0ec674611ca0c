// The Firefox build in Firefox: the same search page, forum thread, rows, marks by real keyboard and mouse, database
// and popup as the Chromium tests check, through WebDriver BiDi (test/support/firefox.ts). The Chromium suite covers
// behaviour in depth; this test is there so that what only Firefox does (its background page, its content-script
// sandbox, its adopted style sheets, its optional permissions and registered content scripts, its storage) cannot
// break the extension there unseen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSelector } from '../support/browser';
import { pollUntil } from '../support/poll';
import { auditFromExtensionPage } from '../support/site-audit';
import { clickFirefoxTagButton, launchFirefoxWithExtension, readFirefoxTagRow, waitForFirefoxTagRow, type TestFirefox } from '../support/firefox';
import { fixture, sendMessage, settledTaggedPosts, storedMarks, taggedPosts } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIREFOX_BUILD = path.resolve(here, '../../.output/firefox-mv3');
const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const CLIENT_URL = 'https://acmeclinic.com/';
const REVIEW_URL = 'https://reviews.example.org/acme-clinic?utm_source=google';
const THREAD_URL = 'https://forum.smiletalk.example.net/viewtopic.php?t=77';
const THREAD_POSTS = 4;
const FIRST_POST = '[data-rl-item="post"]';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let firefox: TestFirefox;
let control: Page;
let projectId: string;

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({
    pages: new Map([
      [REVIEWS_URL, readFileSync(fixture('google-acme-reviews.html'))],
      [THREAD_URL, readFileSync(fixture('phpbb-acme-thread.html'))],
    ]),
    extensionDir: FIREFOX_BUILD,
  });
  control = await firefox.extensionPage('report.html');
  const saved = await sendMessage<{ project: { id: string } }>(control, 'projects.save', {
    input: { name: 'Acme Clinic', brandTerms: ['Acme Clinic'], clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] },
  });
  projectId = saved.project.id;
});

afterAll(async () => {
  await firefox?.close();
});

describe('the Firefox build in Firefox, on a search page', () => {
  let page: Page;

  beforeAll(async () => {
    page = await firefox.newTab();
    await page.goto(REVIEWS_URL, { waitUntil: 'load' });
  });

  it('draws a row for every result, in a closed root the page cannot open, styled by its sheet', async () => {
    for (const rank of [1, 2]) await waitForFirefoxTagRow(page, rankSelector(rank), (row) => row.suggested !== null);
    const first = await readFirefoxTagRow(page, rankSelector(1));
    expect(first?.parts.map((part) => part.className)).toContain('badge badge-client');
    expect(first?.marked).toBeNull();
    const seenByPage = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('rl-tags')];
      return {
        items: document.querySelectorAll('[data-rl-item]').length,
        hosts: hosts.length,
        openRoots: hosts.filter((host) => host.shadowRoot !== null).length,
        labelAttributes: document.querySelectorAll('[data-rl-label]').length,
        // 22 px is the host's height in assets/tags.css: the sheet reached the closed root.
        heights: hosts.map((host) => host.getBoundingClientRect().height),
      };
    });
    expect(seenByPage).toEqual({ items: 2, hosts: 2, openRoots: 0, labelAttributes: 0, heights: [22, 22] });
  });

  it('marks by the real keyboard and mouse, and never by a key or click the page makes', async () => {
    await page.bringToFront();
    await page.evaluate(() => {
      const title = document.querySelector('[data-rl-rank="1"] h3')!;
      title.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      for (const type of ['keydown', 'keyup']) window.dispatchEvent(new KeyboardEvent(type, { key: '1', code: 'Digit1', bubbles: true }));
      document.querySelector('rl-tags')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await sleep(500);
    expect(await storedMarks(control, projectId)).toEqual({});

    const title = await page.$eval(`${rankSelector(1)} h3`, (element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.move(title.x, title.y);
    await page.keyboard.press('1');
    await waitForFirefoxTagRow(page, rankSelector(1), (row) => row.marked === 'positive');

    await clickFirefoxTagButton(page, rankSelector(2), 'negative');
    await waitForFirefoxTagRow(page, rankSelector(2), (row) => row.marked === 'negative');
    expect(await storedMarks(control, projectId)).toEqual({ [CLIENT_URL]: 'positive', [REVIEW_URL]: 'negative' });
  });

  it('shows the marks in the popup’s KPI and on the page after a reload', async () => {
    const popup = await firefox.extensionPage('popup.html');
    await pollUntil(
      () => popup.evaluate(() => document.querySelector('[data-testid="kpi-serp-positivity"]')?.getAttribute('data-value')),
      (value) => value === '0.5',
      15_000,
      "The popup's SERP positivity of 0.5",
    );
    await popup.close();

    await page.reload({ waitUntil: 'load' });
    await waitForFirefoxTagRow(page, rankSelector(1), (row) => row.marked === 'positive');
    await waitForFirefoxTagRow(page, rankSelector(2), (row) => row.marked === 'negative');
  });
});

describe('the Firefox build in Firefox, on a forum thread', () => {
  let page: Page;

  beforeAll(async () => {
    page = await firefox.newTab();
    await page.goto(THREAD_URL, { waitUntil: 'load' });
  });

  it('tags no post before the site is audited', async () => {
    await sleep(1000);
    expect(await taggedPosts(page)).toEqual({ posts: 0, rows: 0 });
  });

  it('audits the site (an optional permission, a registered script), tags every post, and a real click marks one', async () => {
    await auditFromExtensionPage(control, new URL(THREAD_URL).origin);
    await page.reload({ waitUntil: 'load' });
    expect(await settledTaggedPosts(page, THREAD_POSTS)).toEqual({ posts: THREAD_POSTS, rows: THREAD_POSTS });

    await clickFirefoxTagButton(page, FIRST_POST, 'positive');
    await waitForFirefoxTagRow(page, FIRST_POST, (row) => row.marked === 'positive');
    const postUrl = await page.$eval(FIRST_POST, (post) => post.getAttribute('data-rl-url'));
    expect((await storedMarks(control, projectId))[postUrl!]).toBe('positive');
  });

  it('tags nothing after the site is revoked', async () => {
    await sendMessage(control, 'sites.revoke', { origin: new URL(THREAD_URL).origin });
    await page.reload({ waitUntil: 'load' });
    await sleep(1000);
    expect(await taggedPosts(page)).toEqual({ posts: 0, rows: 0 });
  });
});

it('sent nothing towards the network but the pages’ own favicons', () => {
  const favicons = [REVIEWS_URL, THREAD_URL].map((url) => `${new URL(url).origin}/favicon.ico`);
  expect(firefox.blocked.filter((request) => !favicons.includes(request.url))).toEqual([]);
});
