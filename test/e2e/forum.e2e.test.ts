// A forum thread end to end: project, "Audit this site" from the real action popup, every post tagged, two
// marks, the forum KPIs, a review page marked from the popup, the site revoked. It runs on a self-written
// phpBB thread (always) and on a real corpus thread served at its real URL (when ../shared/corpus is there).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/sites';
import { parsePage } from '../support/parse-page';
import { clickTagButton, waitForTagMark } from '../support/browser';
import { allowSiteAccess, fixture, launchWithExtension, openActionPopup, settledTaggedPosts, taggedPosts, type Harness } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_DIR = path.resolve(here, '../../../shared/corpus/forum');
/** The review page fixture is about this site and links to it. */
const REVIEWED_DOMAIN = 'acmeclinic.com';
const REVIEW_URL = `https://www.trustpilot.com/review/${REVIEWED_DOMAIN}`;

interface Thread {
  url: string;
  file: string;
  postCount: number;
  clientDomain: string;
  brand: string;
}

const FIXTURE_THREAD: Thread = {
  url: 'https://forum.smiletalk.example.net/viewtopic.php?t=77',
  file: fixture('phpbb-acme-thread.html'),
  postCount: 4,
  clientDomain: REVIEWED_DOMAIN,
  brand: 'Acme Clinic',
};

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/**
 * The first corpus thread a post of which links to a site other than the forum's: that site plays the client.
 * Which post links where comes from the extractor (the same contract the content script runs on).
 */
function corpusThread(): Thread | null {
  if (!existsSync(CORPUS_DIR)) return null;
  for (const engine of readdirSync(CORPUS_DIR).sort()) {
    const dir = path.join(CORPUS_DIR, engine);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
      const expected = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { pageUrl?: string; postCount?: number; threadTitle?: string };
      const file = path.join(dir, name.replace(/\.json$/, '.html'));
      if (!expected.pageUrl?.startsWith('https://') || !expected.postCount || !existsSync(file)) continue;
      // Parsed as data: nothing on the saved page runs or loads.
      const { document, close } = parsePage(readFileSync(file, 'utf8'), expected.pageUrl);
      const extract = extractPage(document, expected.pageUrl);
      const linked = extract?.kind === 'forum' && extract.items.length === expected.postCount
        ? extract.items.flatMap((item) => item.linkedUrls ?? []).find((url) => /^https?:/.test(url) && hostOf(url) !== hostOf(expected.pageUrl!) && !hostOf(expected.pageUrl!).endsWith(`.${hostOf(url)}`))
        : undefined;
      void close();
      if (linked) return { url: expected.pageUrl, file, postCount: expected.postCount, clientDomain: hostOf(linked), brand: expected.threadTitle?.split(/\s+/).slice(0, 2).join(' ') || hostOf(linked) };
    }
  }
  return null;
}

async function kpiValue(popup: Page, key: string): Promise<string | null> {
  return popup.$eval(`[data-testid="kpi-${key}"]`, (element) => element.getAttribute('data-value'));
}

async function waitForKpi(popup: Page, key: string, value: string): Promise<void> {
  await popup
    .waitForFunction((testId, expected) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-value') === expected, { polling: 200, timeout: 15_000 }, `kpi-${key}`, value)
    .catch(async () => {
      throw new Error(`kpi-${key} stayed at "${await kpiValue(popup, key).catch(() => 'absent')}", expected "${value}"`);
    });
}

const share = (part: number, whole: number) => String(part / whole);

/** The selector of the `index`-th tagged post (page order), by the permalink it carries in `data-rl-url`. */
async function postSelector(page: Page, index: number): Promise<string> {
  const urls = await page.$$eval('[data-rl-item="post"]', (posts) => posts.map((post) => post.getAttribute('data-rl-url')));
  const url = urls[index];
  if (!url) throw new Error(`No tagged post ${index} (${urls.length} tagged posts)`);
  return `[data-rl-item="post"][data-rl-url=${JSON.stringify(url)}]`;
}

async function createProject(harness: Harness, thread: Thread): Promise<void> {
  const options = await harness.extensionPage('options.html');
  await options.waitForSelector('[data-testid="project-name"]');
  await options.type('[data-testid="project-name"]', `${thread.brand} (e2e)`);
  await options.type('[data-testid="project-domains"]', thread.clientDomain);
  await options.type('[data-testid="project-brands"]', thread.brand);
  await options.type('[data-testid="project-queries"]', `${thread.brand} reviews`);
  // Off, so that the forum shares depend on the marks alone (suggestions would count while it is on).
  if (await options.$eval('[data-testid="project-suggestions-count"]', (box) => (box as HTMLInputElement).checked)) {
    await options.click('[data-testid="project-suggestions-count"]');
  }
  await options.click('[data-testid="project-save"]');
  await options.waitForSelector('[data-testid="project-row"]');
  await options.close();
}

function scenario(title: string, thread: Thread | null) {
  describe.skipIf(thread === null)(`${title}: ${thread?.url ?? 'none'}`, () => {
    let harness: Harness;
    const current = thread!;
    const origin = () => new URL(current.url).origin;
    // A second covered portal only when the review page's site is the project's client.
    const reviewLinksToClient = current?.clientDomain === REVIEWED_DOMAIN;

    beforeAll(async () => {
      harness = await launchWithExtension([
        { url: current.url, file: current.file },
        { url: REVIEW_URL, file: fixture('trustpilot-acme-review.html') },
      ]);
      await createProject(harness, current);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('is not tagged before the site is audited', async () => {
      const page = await harness.open(current.url);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await taggedPosts(page)).toEqual({ posts: 0, rows: 0 });
      await page.close();
    });

    it('audits the site from the popup, tags every post once, and the forum KPIs follow two marks', async () => {
      await allowSiteAccess(harness, origin());
      const page = await harness.open(current.url);
      const popup = await openActionPopup(harness, page);
      // The page tools appear once the popup has read the tab, after its first render.
      await (await popup.waitForSelector('[data-testid="audit-site"]:not([disabled])'))!.click();
      await popup.waitForSelector('[data-testid="site-audited"]');
      await popup.close();

      await page.reload({ waitUntil: 'load' });
      expect(await settledTaggedPosts(page, current.postCount)).toEqual({ posts: current.postCount, rows: current.postCount });

      const kpis = await harness.extensionPage('popup.html');
      await kpis.waitForSelector('[data-testid="kpi-portal-coverage"]');
      // The forum links to the client and was seen this month: one portal. No post is marked yet and
      // suggestions do not count: no forum tone.
      await waitForKpi(kpis, 'portal-coverage', '1');
      expect(await kpiValue(kpis, 'forum-positive')).toBe('');
      expect(await kpiValue(kpis, 'forum-negative')).toBe('');

      const [firstPost, secondPost] = [await postSelector(page, 0), await postSelector(page, 1)];
      await clickTagButton(page, firstPost, 'positive');
      await waitForTagMark(page, firstPost, 'positive');
      await clickTagButton(page, secondPost, 'negative');
      await waitForTagMark(page, secondPost, 'negative');
      // Positive / (positive + neutral + negative) over the month's counted forum mentions: 1 of 2, and 1 of 2.
      await waitForKpi(kpis, 'forum-positive', share(1, 2));
      await waitForKpi(kpis, 'forum-negative', share(1, 2));

      await page.reload({ waitUntil: 'load' });
      expect(await settledTaggedPosts(page, current.postCount)).toEqual({ posts: current.postCount, rows: current.postCount });
      await waitForTagMark(page, firstPost, 'positive');
      await Promise.all([page.close(), kpis.close()]);
    });

    it('marks a review page from the popup: it counts like a forum mention, and its portal links to the client', async () => {
      const review = await harness.open(REVIEW_URL);
      const popup = await openActionPopup(harness, review);
      await (await popup.waitForSelector('[data-testid="page-mark-positive"]:not([disabled])'))!.click();
      await popup.waitForSelector('[data-testid="page-mark-positive"][aria-pressed="true"]');
      await popup.close();

      const kpis = await harness.extensionPage('popup.html');
      await waitForKpi(kpis, 'forum-positive', share(2, 3));
      await waitForKpi(kpis, 'forum-negative', share(1, 3));
      await waitForKpi(kpis, 'portal-coverage', reviewLinksToClient ? '2' : '1');
      await Promise.all([review.close(), kpis.close()]);
    });

    it('revokes the site from the dashboard: no tags after reload, the marks stay counted', async () => {
      const dashboard = await harness.extensionPage('options.html');
      const revoke = await dashboard.waitForSelector(`[data-testid="audited-site"][data-origin="${origin()}"] [data-testid="revoke-site"]`);
      await revoke!.click();
      await dashboard.waitForFunction((siteOrigin) => !document.querySelector(`[data-testid="audited-site"][data-origin="${siteOrigin}"]`), { polling: 200 }, origin());
      await dashboard.close();

      const page = await harness.open(current.url);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await taggedPosts(page)).toEqual({ posts: 0, rows: 0 });
      const kpis = await harness.extensionPage('popup.html');
      await waitForKpi(kpis, 'forum-positive', share(2, 3));
      await Promise.all([page.close(), kpis.close()]);
    });

    it('made no network request of its own', () => {
      expect(harness.watchedWorkers.size).toBeGreaterThan(0);
      expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
    });
  });
}

const CORPUS_THREAD = corpusThread();
if (!CORPUS_THREAD) console.log(`No forum corpus thread at ${CORPUS_DIR} (absent, or no https thread links to another site): the corpus e2e is skipped.`);

scenario('Forum thread (self-written phpBB fixture): audit, tag, mark, KPIs, review page, revoke', FIXTURE_THREAD);
scenario('Forum thread (real corpus thread at its real URL): audit, tag, mark, KPIs, review page, revoke', CORPUS_THREAD);
