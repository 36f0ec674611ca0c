import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devtoolsOf, enabledTagButton, rankSelector, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness } from './harness';

const GOOGLE_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

/** sRGB relative luminance and WCAG contrast of two computed colours ("rgb(r, g, b)"). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

async function computed(page: Page, nodeId: number): Promise<{ color: string; background: string }> {
  const session = await devtoolsOf(page);
  await session.send('CSS.enable');
  const { computedStyle } = await session.send('CSS.getComputedStyleForNode', { nodeId });
  const value = (name: string) => computedStyle.find((property) => property.name === name)?.value ?? '';
  return { color: value('color'), background: value('background-color') };
}

/** Light and dark follow the system; every text keeps WCAG AA contrast (4.5:1) on its background in both. */
describe.each(['light', 'dark'] as const)('the %s theme', (scheme) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: GOOGLE_URL, file: fixture('google-acme-reviews.html') }]);
    const control = await harness.extensionPage('manifest.json');
    await sendMessage(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('tag rows: mark buttons legible, in the scheme asked for', async () => {
    const page = await harness.newTab();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(GOOGLE_URL, { waitUntil: 'load' });
    await page.bringToFront();
    await waitForTagRow(page, rankSelector(1), (row) => row.suggested !== null);
    const button = await computed(page, (await enabledTagButton(page, rankSelector(1), 'negative')).nodeId);
    expect(contrast(button.color, button.background)).toBeGreaterThanOrEqual(4.5);
    expect(luminance(button.background) < 0.2).toBe(scheme === 'dark');
    await page.close();
  });

  it('popup: text on its background', async () => {
    const popup = await harness.newTab();
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`, { waitUntil: 'load' });
    await popup.waitForSelector('[data-testid="marked-count"]');
    const colors = await popup.evaluate(() => {
      const of = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return { text: of('body').color, muted: of('[data-testid="marked-count"]').color, background: of('body').backgroundColor };
    });
    expect(contrast(colors.text, colors.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.muted, colors.background)).toBeGreaterThanOrEqual(4.5);
    expect(luminance(colors.background) < 0.2).toBe(scheme === 'dark');
    await popup.close();
  });
});
