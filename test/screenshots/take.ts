// The README's screenshots, taken in headless Chromium from the built extension on the e2e fixtures (pages
// written for this project), so they can be taken again after any change: `npm run screenshots`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { auditSite, clickTagButton, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser.ts';
import { fixture, launchWithExtension, openActionPopup, sendMessage } from '../e2e/harness.ts';
import { monthOf } from '../../lib/schema/index.ts';

const GOOGLE_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const THREAD_URL = 'https://forum.smiletalk.example.net/viewtopic.php?t=77';

export const SCREENSHOTS = ['google-tagged.png', 'forum-tagged.png', 'popup.png', 'dashboard.png', 'report.png', 'google-tagged-dark.png', 'popup-dark.png'] as const;

/** Takes every screenshot into `outDir`; returns their paths. */
export async function takeScreenshots(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const harness = await launchWithExtension([
    { url: GOOGLE_URL, file: fixture('google-acme-reviews.html') },
    { url: THREAD_URL, file: fixture('phpbb-acme-thread.html') },
  ]);
  const shot = async (page: Page, name: (typeof SCREENSHOTS)[number]) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    return file;
  };
  try {
    const control = await harness.extensionPage('manifest.json');
    const { project } = await sendMessage<{ project: { id: string } }>(control, 'projects.save', {
      input: { name: 'Acme Clinic', brandTerms: ['Acme Clinic'], clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] },
    });
    const taken: string[] = [];

    const google = await harness.open(GOOGLE_URL);
    await google.setViewport({ width: 1100, height: 760 });
    await google.bringToFront();
    await waitForTagRow(google, rankSelector(2), (row) => row.suggested !== null);
    await clickTagButton(google, rankSelector(2), 'negative');
    await waitForTagMark(google, rankSelector(2), 'negative');
    taken.push(await shot(google, 'google-tagged.png'));
    const popup = await openActionPopup(harness, google);
    await popup.waitForSelector('[data-testid="marked-count"]');
    taken.push(await shot(popup, 'popup.png'));
    // The dark theme, as a system set to dark shows it: the rows keep their own background on a light page.
    const dark = [{ name: 'prefers-color-scheme', value: 'dark' }];
    await popup.emulateMediaFeatures(dark);
    taken.push(await shot(popup, 'popup-dark.png'));
    await popup.close();
    await google.emulateMediaFeatures(dark);
    taken.push(await shot(google, 'google-tagged-dark.png'));

    await auditSite(harness, new URL(THREAD_URL).origin);
    const thread = await harness.open(THREAD_URL);
    await thread.setViewport({ width: 1100, height: 760 });
    await thread.bringToFront();
    await thread.waitForFunction(() => document.querySelectorAll('[data-rl-item="post"] rl-tags').length >= 2, { timeout: 20_000, polling: 100 });
    taken.push(await shot(thread, 'forum-tagged.png'));

    const dashboard = await harness.extensionPage('options.html');
    await dashboard.setViewport({ width: 1100, height: 900 });
    await dashboard.waitForSelector('[data-testid="open-report"]');
    taken.push(await shot(dashboard, 'dashboard.png'));
    const report = await harness.extensionPage(`report.html?project=${encodeURIComponent(project.id)}&month=${monthOf(Date.now())}`);
    await report.setViewport({ width: 1000, height: 900 });
    await report.waitForSelector('[data-testid="report"] [data-testid="kpi-score"]', { timeout: 20_000 });
    taken.push(await shot(report, 'report.png'));
    return taken;
  } finally {
    await harness.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/screenshots');
  for (const file of await takeScreenshots(outDir)) console.log(file);
}
