import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSelector, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness } from './harness';

const GOOGLE_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

/** The language chosen in the dashboard is the popup's and the report's from their next opening; "the browser's" follows the browser. */
describe('the interface language', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: GOOGLE_URL, file: fixture('google-acme-reviews.html') }]);
    const control = await harness.extensionPage('manifest.json');
    await sendMessage(control, 'projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const popupText = async () => {
    const popup = await harness.extensionPage('popup.html');
    await popup.waitForSelector('[data-testid="marked-count"]');
    const shown = await popup.evaluate(() => ({ lang: document.documentElement.lang, marked: document.querySelector('[data-testid="marked-count"]')!.textContent }));
    await popup.close();
    return shown;
  };

  it('is chosen in the dashboard and followed by the popup', async () => {
    expect(await popupText()).toEqual({ lang: 'en', marked: '0 marked results' });
    const dashboard = await harness.extensionPage('options.html');
    await dashboard.waitForSelector('[data-testid="language-select"]');
    await dashboard.select('[data-testid="language-select"]', 'ru');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(await popupText()).toEqual({ lang: 'ru', marked: '0 отмеченных результатов' });
    await dashboard.select('[data-testid="language-select"]', 'bg');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'bg');
    expect(await popupText()).toEqual({ lang: 'bg', marked: '0 отбелязани резултата' });
    await dashboard.select('[data-testid="language-select"]', 'auto');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await popupText()).toEqual({ lang: 'en', marked: '0 marked results' });
    await dashboard.close();
  });

  it('is followed by the monthly report', async () => {
    const dashboard = await harness.extensionPage('options.html');
    await dashboard.waitForSelector('[data-testid="language-select"]');
    await dashboard.select('[data-testid="language-select"]', 'ru');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'ru');
    const report = await harness.extensionPage('report.html');
    await report.waitForSelector('[data-testid="report"]');
    await report.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(await report.$eval('h1', (element) => element.textContent)).toBe('Acme: отчёт о репутации');
    expect(await report.$eval('[data-testid="report-negatives"]', (element) => element.textContent ?? '')).toMatch(/негативных упоминаний не замечено/);
    await report.close();
    await dashboard.select('[data-testid="language-select"]', 'auto');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'en');
    await dashboard.close();
  });

  it('is followed by the tag rows on the next page', async () => {
    const rowWords = async () => {
      const page = await harness.open(GOOGLE_URL);
      await page.bringToFront();
      const row = await waitForTagRow(page, rankSelector(1), (shown) => shown.suggested !== null);
      await page.close();
      return row.parts.filter((part) => part.className.startsWith('mark ')).map((part) => part.text);
    };
    const dashboard = await harness.extensionPage('options.html');
    await dashboard.waitForSelector('[data-testid="language-select"]');
    await dashboard.select('[data-testid="language-select"]', 'bg');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'bg');
    expect(await rowWords()).toEqual(['позитивно', 'неутрално', 'негативно', 'извън темата', 'препоръчва']);
    await dashboard.select('[data-testid="language-select"]', 'auto');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await rowWords()).toEqual(['positive', 'neutral', 'negative', 'irrelevant', 'recommends']);
    await dashboard.close();
  });
});

