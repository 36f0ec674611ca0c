import type { CDPSession, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTagButton, rankSelector, readTagRow, waitForTagMark, waitForTagRow, type WatchedWorker } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness, storedMarks } from './harness';

// Chrome stops an idle extension service worker and starts it again for the next event: a mark made across a stop,
// or sent while the worker stops, must still be stored. The worker is stopped as on idle (its version's own stop,
// see WatchedWorker.stop); each test also proves it did stop and start again, so none can pass without a restart.

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const ADDRESS_URL = 'https://www.google.com/search?q=acme+clinic+address&hl=en';

/** Time for a mark whose first sending was lost: the controller waits 10 s for an answer before it sends again. */
const RETRIED_MARK_MS = 25_000;

const drawn = (page: Page, rank: number) => waitForTagRow(page, rankSelector(rank), (row) => row.suggested !== null);

/** Leaves a value in the worker's global scope: a worker that stopped and started again no longer has it. */
const LIFE = 'globalThis.__rlTestLife';

/**
 * Holds the next event the worker handles at its first statement (the debugger's pause), so a mark sent now
 * reaches the worker and stays unanswered until the test stops it. `release` detaches, once the worker stopped.
 */
async function holdNextEvent(harness: Harness): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  const origin = `chrome-extension://${harness.extensionId}/`;
  const target = await harness.browser.waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith(origin));
  const session: CDPSession = await target.createCDPSession();
  const held = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The worker handled no event: the mark never reached it')), 10_000);
    session.once('Debugger.paused', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await session.send('Debugger.enable');
  await session.send('Debugger.pause');
  return { held, release: () => session.detach() };
}

describe('the service worker stopped between and during marks', () => {
  let harness: Harness;
  let control: Page;
  let worker: WatchedWorker;
  let projectId: string;

  /** Stops the worker and checks it really is stopped; gives how often it had started. */
  const stopWorker = async () => {
    await worker.stop();
    expect(worker.running).toBe(false);
    return worker.starts;
  };

  /** The worker that answered is a new one: started again once since `startsBefore`, without the old global scope. */
  const expectStartedAgain = async (startsBefore: number) => {
    expect(worker.running).toBe(true);
    expect(worker.starts).toBe(startsBefore + 1);
    expect(await worker.evaluate(`typeof ${LIFE}`)).toBe('undefined');
  };

  beforeAll(async () => {
    harness = await launchWithExtension([
      { url: REVIEWS_URL, file: fixture('google-acme-reviews.html') },
      { url: ADDRESS_URL, file: fixture('google-acme-address.html') },
    ]);
    control = await harness.extensionPage('manifest.json');
    projectId = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } }))
      .project.id;
    worker = await harness.extensionWorker();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a mark made after the worker stopped starts it again and is stored, and the mark before it stays', async () => {
    const page = await harness.open(REVIEWS_URL);
    // Rows past the frame budget are drawn in animation frames, which run only in the front tab.
    await page.bringToFront();
    await drawn(page, 2);
    await clickTagButton(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(1), 'positive');

    await worker.evaluate(`${LIFE} = 'before the stop'`);
    const startsBefore = await stopWorker();
    await clickTagButton(page, rankSelector(2), 'negative');
    // The row shows a mark only once the background has written it.
    await waitForTagMark(page, rankSelector(2), 'negative', RETRIED_MARK_MS);
    await expectStartedAgain(startsBefore);

    expect(await storedMarks(control, projectId)).toEqual({ 'https://acmeclinic.com/': 'positive', 'https://reviews.example.org/acme-clinic?utm_source=google': 'negative' });
    await page.reload({ waitUntil: 'load' });
    await waitForTagMark(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(2), 'negative');
    await page.close();
  });

  it('a mark the worker was handling when it stopped is sent again and stored', async () => {
    const page = await harness.open(ADDRESS_URL);
    await page.bringToFront();
    await drawn(page, 1);

    await worker.evaluate(`${LIFE} = 'before the stop'`);
    const hold = await holdNextEvent(harness);
    await clickTagButton(page, rankSelector(1), 'negative');
    await hold.held;
    // In flight: the worker has the mark and has not answered, so the row still waits (its buttons disabled).
    expect((await readTagRow(page, rankSelector(1)))?.buttons.negative).toMatchObject({ pressed: false, disabled: true });
    const startsBefore = await stopWorker();
    await hold.release();

    await waitForTagMark(page, rankSelector(1), 'negative', RETRIED_MARK_MS);
    await expectStartedAgain(startsBefore);
    expect(await storedMarks(control, projectId)).toEqual({
      'https://acmeclinic.com/': 'positive',
      'https://reviews.example.org/acme-clinic?utm_source=google': 'negative',
      'https://maps.example.com/place/acme-clinic': 'negative',
    });
    await page.reload({ waitUntil: 'load' });
    await waitForTagMark(page, rankSelector(1), 'negative');
    await page.close();
  });

  it('made no network request of its own, its restarted worker included', () => {
    // The recording session stayed on the worker through its restarts.
    expect(worker.starts).toBeGreaterThan(1);
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
