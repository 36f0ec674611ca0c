import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptSender, expectAllOk } from '../bench/browser';
import { rankSelector, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/**
 * Three tabs of one key query mark the same 100 results at the same time, through the real content scripts, worker and
 * database: every mark is stored once and counted once, and the counters kept mark by mark equal a rebuild.
 */
describe('three tabs marking at once', () => {
  let harness: Harness;
  let control: Page;
  let projectId: string;

  type Report = { report: { markedCount: number; kpis: { key: string; value: number | null }[] } };
  const report = () => sendMessage<Report>(control, 'kpi.get', { projectId });

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
    control = await harness.extensionPage('manifest.json');
    projectId = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } }))
      .project.id;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('300 marks in flight together from three tabs: every one stored and counted once', async () => {
    const tabs = await Promise.all(SENTIMENTS.map(() => harness.open(REVIEWS_URL)));
    const senders = [];
    for (const tab of tabs) {
      await tab.bringToFront();
      await waitForTagRow(tab, rankSelector(1), (row) => row.suggested !== null);
      senders.push(await contentScriptSender(tab, 'Reputation Lens'));
    }
    const page = { url: REVIEWS_URL, site: 'google', kind: 'serp', query: 'acme clinic reviews', firstRank: 1 };
    // The three tabs mark the same 100 results, each with its own sentiment: whichever lands last stands, none is lost.
    const results = Array.from({ length: 100 }, (_, index) => ({ url: `https://site${index}.example/acme`, title: `Acme Clinic ${index}`, snippet: 'Opening hours.' }));
    const batches = await Promise.all(
      senders.map((send, tab) =>
        send(
          results.map((item) => ({ type: 'mark.set', payload: { page, item, sentiment: SENTIMENTS[tab], recommends: false } })),
          8,
        ),
      ),
    );
    for (const batch of batches) expectAllOk(batch.replies, 'mark.set');

    const marked = await sendMessage<{ total: number; rows: { url: string; item: { mark: { sentiment: string } | null } }[] }>(control, 'mentions.search', {
      projectId,
      filter: { state: 'marked' },
      offset: 0,
      limit: 200,
    });
    expect(marked.total).toBe(100);
    expect(marked.rows.every((row) => SENTIMENTS.includes(row.item.mark?.sentiment as (typeof SENTIMENTS)[number]))).toBe(true);
    const incremental = await report();
    expect(incremental.report.markedCount).toBe(100);
    // Another key query makes the background rebuild every counter from the records.
    await sendMessage(control, 'projects.save', { id: projectId, input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews', 'acme clinic hours'] } });
    expect((await report()).report.kpis).toEqual(incremental.report.kpis);
    await Promise.all(tabs.map((tab) => tab.close()));
  });
});
