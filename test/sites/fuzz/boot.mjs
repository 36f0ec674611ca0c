// The entry of a fuzz worker thread: outside vitest nothing compiles TypeScript, so tsx does.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
