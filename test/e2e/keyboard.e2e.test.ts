// Keyboard marking in the real browser: a search page with key listeners of its own (as a site's shortcuts are), the
// real keyboard and mouse through puppeteer, the marks read from the rows' closed roots and from the database.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSelector, readTagRow, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness, storedMarks } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const CLIENT_URL = 'https://acmeclinic.com/';
const REVIEW_URL = 'https://reviews.example.org/acme-clinic?utm_source=google';

/**
 * The page's own key listeners, added by its script before anything of the extension runs: on the window (bubble
 * phase), on the document in both phases and on its search box. Each records what it heard in `window.__heard`.
 */
const PAGE_LISTENERS = `(() => {
  const heard = (window.__heard = []);
  const listen = (target, name, capture) => {
    for (const type of ['keydown', 'keypress', 'keyup']) target.addEventListener(type, (event) => heard.push(name + ' ' + event.type + ' ' + event.key), capture);
  };
  listen(window, 'window', false);
  listen(document, 'document', false);
  listen(document, 'document-capture', true);
  document.addEventListener('DOMContentLoaded', () => listen(document.querySelector('input[name="q"]'), 'search', false));
})();`;

const heardByPage = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard.splice(0));

/** Moves the real pointer onto the first result's title. */
async function pointAtFirstResult(page: Page, offset = 0): Promise<void> {
  await page.bringToFront();
  const title = await page.$eval(`${rankSelector(1)} h3`, (element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.move(title.x + offset, title.y);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('keyboard marking on a search page with shortcuts of its own', () => {
  let harness: Harness;
  let control: Page;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
    control = await harness.extensionPage('manifest.json');
    const saved = await sendMessage<{ project: { id: string } }>(control, 'projects.save', {
      input: { name: 'Acme Clinic', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] },
    });
    projectId = saved.project.id;
    page = await harness.newTab();
    await page.evaluateOnNewDocument(PAGE_LISTENERS);
    await page.goto(REVIEWS_URL, { waitUntil: 'load' });
    for (const rank of [1, 2]) await waitForTagRow(page, rankSelector(rank), (row) => row.suggested !== null && !row.parts.some((part) => part.className === 'setup'));
    await heardByPage(page);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('offers the global shortcuts in the browser’s shortcut settings, with their suggested keys', async () => {
    const commands = await (await harness.extensionWorker()).evaluate<{ name: string; shortcut: string }[]>('chrome.commands.getAll()');
    expect(Object.fromEntries(commands.map((command) => [command.name, command.shortcut]))).toEqual({
      _execute_action: 'Alt+Shift+L',
      'toggle-keyboard-marking': 'Alt+Shift+K',
      'toggle-site-tags': 'Alt+Shift+H',
    });
  });

  it('1 marks the result under the pointer positive, and the page hears nothing of it', async () => {
    await pointAtFirstResult(page);
    await page.keyboard.press('1');
    await waitForTagMark(page, rankSelector(1), 'positive');
    expect(await storedMarks(control, projectId)).toEqual({ [CLIENT_URL]: 'positive' });
    expect(await heardByPage(page)).toEqual([]);
  });

  it('typing "1 2 r" in the page’s search box marks nothing, and the page gets every key', async () => {
    await page.focus('input[name="q"]');
    await page.$eval('input[name="q"]', (input) => ((input as HTMLInputElement).value = ''));
    await page.keyboard.type('1 2 r');
    await settle();
    expect(await page.$eval('input[name="q"]', (input) => (input as HTMLInputElement).value)).toBe('1 2 r');
    const keydowns = (await heardByPage(page)).filter((heard) => heard.startsWith('search keydown'));
    expect(keydowns).toEqual(['1', ' ', '2', ' ', 'r'].map((key) => `search keydown ${key}`));
    expect((await readTagRow(page, rankSelector(1)))?.marked).toBe('positive');
    expect((await readTagRow(page, rankSelector(2)))?.marked).toBeNull();
    expect(await storedMarks(control, projectId)).toEqual({ [CLIENT_URL]: 'positive' });
  });

  it('j chooses the next result, outlined in its row, and 3 marks it negative while the pointer still rests on the first', async () => {
    await page.$eval('input[name="q"]', (input) => (input as HTMLInputElement).blur());
    await page.keyboard.press('j');
    await waitForTagRow(page, rankSelector(2), (row) => row.current);
    expect((await readTagRow(page, rankSelector(1)))?.current).toBe(false);
    await page.keyboard.press('3');
    await waitForTagMark(page, rankSelector(2), 'negative');
    expect((await readTagRow(page, rankSelector(1)))?.marked).toBe('positive');
    expect(await storedMarks(control, projectId)).toEqual({ [CLIENT_URL]: 'positive', [REVIEW_URL]: 'negative' });
    expect(await heardByPage(page)).toEqual([]);
  });

  it('switched off in the popup, 1 is the page’s again and marks nothing', async () => {
    const popup = await harness.extensionPage('popup.html');
    await popup.waitForSelector('[data-testid="keyboard-panel"] kbd');
    const toggle = await popup.waitForSelector('[data-testid="keyboard-marking-switch"]');
    expect(await toggle!.evaluate((input) => (input as HTMLInputElement).checked)).toBe(true);
    await toggle!.click();
    await popup.close();
    // The page follows the stored switch: the outline goes.
    await waitForTagRow(page, rankSelector(2), (row) => !row.current);

    await page.bringToFront();
    await page.keyboard.press('1');
    await settle();
    expect(await heardByPage(page)).toEqual(['document-capture keydown 1', 'document keydown 1', 'window keydown 1', 'document-capture keypress 1', 'document keypress 1', 'window keypress 1', 'document-capture keyup 1', 'document keyup 1', 'window keyup 1']);
    expect((await readTagRow(page, rankSelector(1)))?.marked).toBe('positive');
    expect((await readTagRow(page, rankSelector(2)))?.marked).toBe('negative');
    expect(await storedMarks(control, projectId)).toEqual({ [CLIENT_URL]: 'positive', [REVIEW_URL]: 'negative' });

    // A page loaded while it is off reads the switch at start.
    await page.reload({ waitUntil: 'load' });
    await waitForTagMark(page, rankSelector(1), 'positive');
    await pointAtFirstResult(page, 5);
    await page.keyboard.press('1');
    await settle();
    expect((await heardByPage(page)).filter((heard) => heard.startsWith('document keydown'))).toEqual(['document keydown 1']);
    expect((await readTagRow(page, rankSelector(1)))?.marked).toBe('positive');
  });
});
