import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../lib/schema';
import { clickTagButton, devtoolsOf, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness } from './harness';

const GOOGLE_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

/** axe-core's serious and critical violations of a page, one line each (rule, impact, the first elements). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
}

/** Every screen of the extension passes axe-core with no serious or critical violation, in both themes. */
describe.each(['light', 'dark'] as const)('accessibility, %s theme', (scheme) => {
  let harness: Harness;
  let projectId: string;

  const open = async (path: string, ready: string) => {
    const page = await harness.newTab();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`chrome-extension://${harness.extensionId}/${path}`, { waitUntil: 'load' });
    await page.waitForSelector(ready);
    return page;
  };

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: GOOGLE_URL, file: fixture('google-acme-reviews.html') }]);
    const control = await harness.extensionPage('manifest.json');
    projectId = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } }))
      .project.id;
    const page = await harness.open(GOOGLE_URL);
    await page.bringToFront();
    await waitForTagRow(page, rankSelector(2), (row) => row.suggested !== null);
    await clickTagButton(page, rankSelector(2), 'negative');
    await waitForTagMark(page, rankSelector(2), 'negative');
    await page.close();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a tagged result page, and its tag rows as assistive technology reads them', async () => {
    const page = await harness.newTab();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(GOOGLE_URL, { waitUntil: 'load' });
    await page.bringToFront();
    await waitForTagRow(page, rankSelector(2), (row) => row.marked === 'negative');
    expect(await seriousViolations(page)).toEqual([]);
    // axe cannot enter the rows' closed shadow roots; the browser's accessibility tree can.
    const { nodes } = await (await devtoolsOf(page)).send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const rows = nodes.filter((node) => node.role?.value === 'group' && node.name?.value === 'Reputation Lens');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const inside = (node: (typeof nodes)[number]): (typeof nodes)[number][] =>
      (node.childIds ?? []).flatMap((id) => {
        const child = byId.get(id);
        return child ? [child, ...inside(child)] : [];
      });
    for (const row of rows) {
      const buttons = inside(row).filter((node) => node.role?.value === 'button');
      expect(buttons.map((button) => button.name?.value)).toEqual(['positive', 'neutral', 'negative', 'irrelevant', 'recommends']);
      for (const button of buttons) expect(button.properties?.some((property) => property.name === 'pressed'), String(button.name?.value)).toBe(true);
    }
    await page.close();
  });

  it('the popup', async () => {
    const page = await open('popup.html', '[data-testid="marked-count"]');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the dashboard', async () => {
    const page = await open('options.html', '[data-testid="open-report"]');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the report', async () => {
    const page = await open(`report.html?project=${encodeURIComponent(projectId)}&month=${monthOf(Date.now())}`, '[data-testid="report"] [data-testid="kpi-score"]');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
