import { parentPort } from 'node:worker_threads';
import { fuzzAdapter } from './harness';

/**
 * A worker thread of the fuzz (test/sites/fuzz.test.ts): fuzzes one adapter per message and posts
 * its result back. The fuzz costs minutes of one core; vitest gives this machine's suite one worker
 * process, so the fuzz test spreads its adapters over threads of its own.
 */

export interface FuzzRequest {
  id: string;
  /** Pages for the adapter (the 10,000 unless a quicker run asks for fewer). */
  pages?: number;
}

const port = parentPort;
if (!port) throw new Error('fuzz/worker.ts runs as a worker thread');
port.on('message', (request: FuzzRequest) => {
  fuzzAdapter(request.id, { pages: request.pages }).then(
    (result) => port.postMessage({ id: request.id, result }),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
