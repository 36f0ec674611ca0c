import { LocalizedError, problem } from '../i18n/problems';
import { DB_VERSION, openLensDatabase, type LensDatabase } from './database';

/**
 * The background's connection to the database, opened on first use and opened again whenever it is gone: after
 * a failed open (the next request tries again, no browser restart needed), after the browser closed it under
 * the worker, or after another connection asked for a newer version (this one steps aside at once rather than
 * block it).
 */
export class DatabaseConnection {
  private opening: Promise<LensDatabase> | null = null;
  private opened: LensDatabase | null = null;

  constructor(private readonly name?: string) {}

  get(): Promise<LensDatabase> {
    this.opening ??= this.open();
    return this.opening;
  }

  /**
   * Runs `work` on the open database; when it failed because the connection was lost while it ran (the
   * browser closed it, or a newer version asked for it), runs it once more on a new connection. A lost
   * connection aborts the transaction it had open, so the failed run left nothing behind.
   */
  async use<T>(work: (db: LensDatabase) => Promise<T>, failed: (result: T) => boolean): Promise<T> {
    const db = await this.get();
    let result: T;
    try {
      result = await work(db);
    } catch (error) {
      if (this.opened === db) throw error;
      return work(await this.get());
    }
    return failed(result) && this.opened !== db ? work(await this.get()) : result;
  }

  private async open(): Promise<LensDatabase> {
    const forget = (db: LensDatabase | null) => {
      if (db && this.opened !== db) return;
      this.opened = null;
      this.opening = null;
    };
    try {
      let db: LensDatabase | null = null;
      db = await openLensDatabase(this.name, {
        blocking: () => {
          db?.close();
          forget(db);
        },
        terminated: () => forget(db),
      });
      this.opened = db;
      return db;
    } catch (error) {
      forget(null);
      throw openFailure(error);
    }
  }
}

/** What a write refused for want of room is said as (lib/i18n/errors.ts). */
export const STORAGE_FULL = problem('storageFull');

/** A write refused for want of room: its transaction was aborted whole, so nothing of it was stored. */
export function isStorageFull(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError';
}

/** A failure to open, in words a user can act on; the database is left as it was. */
export function openFailure(error: unknown): Error {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'VersionError') {
    return new LocalizedError(problem('databaseNewer', { version: DB_VERSION }));
  }
  if (name === 'QuotaExceededError') return new LocalizedError(STORAGE_FULL);
  // The browser's own words for why, in its language: there are too many reasons to have a sentence for each.
  const reason = error instanceof Error ? error.message : String(error);
  return new LocalizedError(problem('databaseNotOpened', { reason }));
}
