import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTagButton, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness, storedMarks } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

const drawn = (page: Page, rank: number) => waitForTagRow(page, rankSelector(rank), (row) => row.suggested !== null);

describe('rows left stale in another tab or for another project', () => {
  let harness: Harness;
  let control: Page;
  let acme: string;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
    control = await harness.extensionPage('manifest.json');
    acme = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } }))
      .project.id;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a click in a tab that still shows the old state never undoes the mark made in the other tab', async () => {
    // Rows past the frame budget are drawn in animation frames, which run only in the front tab.
    const first = await harness.open(REVIEWS_URL);
    await drawn(first, 2);
    const second = await harness.open(REVIEWS_URL);
    await drawn(second, 2);
    await first.bringToFront();
    await clickTagButton(first, rankSelector(2), 'negative');
    await waitForTagMark(first, rankSelector(2), 'negative');

    // The second tab's row was drawn before that mark and still shows none.
    await second.bringToFront();
    await clickTagButton(second, rankSelector(2), 'positive');
    await waitForTagMark(second, rankSelector(2), 'negative');
    expect(Object.values(await storedMarks(control, acme))).toEqual(['negative']);
    // Now showing the stored mark, the row changes it.
    await clickTagButton(second, rankSelector(2), 'positive');
    await waitForTagMark(second, rankSelector(2), 'positive');
    expect(Object.values(await storedMarks(control, acme))).toEqual(['positive']);
    await Promise.all([first.close(), second.close()]);
  });

  it('a row drawn for the project that was active marks nothing once another is', async () => {
    const page = await harness.open(REVIEWS_URL);
    await drawn(page, 1);
    const other = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Other', keyQueries: ['acme clinic reviews'] } })).project.id;
    await sendMessage(control, 'projects.setActive', { id: other });
    await page.bringToFront();
    await clickTagButton(page, rankSelector(1), 'negative');
    const refused = await waitForTagRow(page, rankSelector(1), (row) => row.parts.some((part) => /active project is now “Other”/.test(part.text)));
    expect(refused.marked).toBeNull();
    expect([Object.values(await storedMarks(control, acme)), Object.values(await storedMarks(control, other))]).toEqual([['positive'], []]);
    await page.close();
  });
});
