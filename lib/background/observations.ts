import { MAX_OBSERVED_ITEMS, type ParsedRequestOf, type ResponseOf } from '../messaging';
import type { Page } from './drafts';
import { pageAddressOf } from './sender';

/** What a content script saw on its page, its page checked against the sender. */
export interface Observation {
  page: Page;
  items: ParsedRequestOf<'page.observe'>['items'];
}
export type ObservationAnswer = ResponseOf<'page.observe'>;

/**
 * How many batches of one page may wait behind a frame's write: a page the content script reads whole (it stops at
 * 300 items, lib/annotate/observation.ts) is stored whole, and a page that never stops adding items holds no more.
 */
const MAX_WAITING_BATCHES = 3;

/** One request's share of a batch: where its items start, how many there are, and whom to answer. */
interface Request {
  from: number;
  count: number;
  resolve: (answer: ObservationAnswer) => void;
  reject: (error: unknown) => void;
}

interface Batch extends Observation {
  requests: Request[];
}

/** Observations that can share one write: the same page (anchors aside) read the same way. */
function batchKeyOf(page: Page): string {
  return JSON.stringify([pageAddressOf(page.url), page.site, page.kind, page.query ?? null, page.firstRank ?? null]);
}

function batchOf(observation: Observation, request: Request): Batch {
  return { page: observation.page, items: [...observation.items], requests: [request] };
}

/** Answers each request of a batch with its own part of the batch's answer, or with the batch's failure. */
async function settle(batch: Batch, answer: (observation: Observation) => Promise<ObservationAnswer>): Promise<void> {
  try {
    const answered = await answer(batch);
    for (const { from, count, resolve } of batch.requests) resolve({ ...answered, items: answered.items.slice(from, from + count) });
  } catch (error) {
    for (const request of batch.requests) request.reject(error);
  }
}

/**
 * Observations of one frame are written one at a time, in batches of up to MAX_OBSERVED_ITEMS items: what arrives
 * during a write waits, joined to the last waiting batch of its page when it fits. An observation of another page
 * means the frame moved on (latest wins), and a page that keeps adding items overflows MAX_WAITING_BATCHES: either
 * way the requests that waited longest are answered without being stored. So a frame holds one write at a time,
 * and a mark, which is written at once and never waits here, is queued behind at most that one write.
 */
export function coalescedPerFrame(
  store: (observation: Observation) => Promise<ObservationAnswer>,
  answerWithoutStoring: (observation: Observation) => Promise<ObservationAnswer>,
): (frameKey: string, observation: Observation) => Promise<ObservationAnswer> {
  /** Frames with a write under way, each with the batches of one page waiting behind it. */
  const waitingByFrame = new Map<string, Batch[]>();

  const writeInTurn = async (frameKey: string, waiting: Batch[], first: Batch): Promise<void> => {
    for (let batch: Batch | undefined = first; batch; batch = waiting.shift()) await settle(batch, store);
    waitingByFrame.delete(frameKey);
  };

  const answerUnstored = (batches: Batch[]) => {
    for (const batch of batches) void settle(batch, answerWithoutStoring);
  };

  return (frameKey, observation) =>
    new Promise((resolve, reject) => {
      const request: Request = { from: 0, count: observation.items.length, resolve, reject };
      const waiting = waitingByFrame.get(frameKey);
      if (!waiting) {
        const queue: Batch[] = [];
        waitingByFrame.set(frameKey, queue);
        void writeInTurn(frameKey, queue, batchOf(observation, request));
        return;
      }
      const [oldest] = waiting;
      if (oldest && batchKeyOf(oldest.page) !== batchKeyOf(observation.page)) answerUnstored(waiting.splice(0));
      const last = waiting.at(-1);
      if (last && last.items.length + observation.items.length <= MAX_OBSERVED_ITEMS) {
        last.requests.push({ ...request, from: last.items.length });
        last.items.push(...observation.items);
        return;
      }
      waiting.push(batchOf(observation, request));
      if (waiting.length > MAX_WAITING_BATCHES) answerUnstored(waiting.splice(0, 1));
    });
}
