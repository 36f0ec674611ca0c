import { z } from 'zod';
import { isStorageFull } from '../db/connection';
import { protocol } from '../messaging';
import { storedValue, type ExtensionStorageArea } from '../settings/extension-storage';

/**
 * Marks the database had no room for, kept in the extension's own storage (browser.storage.local, which the
 * database's quota does not cover) and written, oldest first, with the next write that finds room. A mark kept
 * twice for one item keeps the later one. The queue lives outside the worker's memory: a stopped worker or a
 * restarted browser loses none of it.
 */
export const PendingMarkSchema = z.object({
  projectId: z.string(),
  /** When the user marked: the month the mark counts in. */
  at: z.number(),
  /** The mark.set request, its page the one the background confirmed. */
  request: protocol['mark.set'].request,
});
export type PendingMark = z.output<typeof PendingMarkSchema>;

const PENDING_KEY = 'pendingMarks';

/** Far more than a day of marking; a few hundred bytes to a few kilobytes each, well inside storage.local's 10 MB. */
export const MAX_PENDING_MARKS = 1000;

const sameItem = (a: PendingMark, b: PendingMark) => a.projectId === b.projectId && a.request.item.url === b.request.item.url;

export class PendingMarks {
  /** Every change goes through this chain, so a replay never writes back over a mark kept while it ran. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Known to be empty: marks then skip reading the storage. */
  private knownEmpty = false;

  constructor(private readonly area: ExtensionStorageArea) {}

  /** Keeps a mark to be written later; false when the queue is full (the mark is then not kept). */
  keep(mark: PendingMark): Promise<boolean> {
    return this.serialized(async () => {
      const pending = (await this.read()).filter((kept) => !sameItem(kept, mark));
      if (pending.length >= MAX_PENDING_MARKS) return false;
      await this.write([...pending, mark]);
      return true;
    });
  }

  /**
   * Writes the kept marks, oldest first, through `store`, until one finds the database still full (it and the
   * rest stay). A mark that fails for any other reason (its project deleted) is dropped: it never could be written.
   */
  replay(store: (mark: PendingMark) => Promise<unknown>): Promise<void> {
    return this.serialized(async () => {
      if (this.knownEmpty) return;
      const pending = await this.read();
      let written = 0;
      for (const mark of pending) {
        try {
          await store(mark);
        } catch (error) {
          if (isStorageFull(error)) break;
          console.error('A kept mark could not be written and is dropped:', error);
        }
        written += 1;
      }
      if (written > 0 || pending.length === 0) await this.write(pending.slice(written));
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** What is stored, each entry checked: storage another build wrote is not trusted blindly. */
  private async read(): Promise<PendingMark[]> {
    const stored = await storedValue(this.area, PENDING_KEY);
    const entries = Array.isArray(stored) ? stored : [];
    return entries.flatMap((entry) => {
      const parsed = PendingMarkSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  private async write(pending: PendingMark[]): Promise<void> {
    await this.area.set({ [PENDING_KEY]: pending });
    this.knownEmpty = pending.length === 0;
  }
}
