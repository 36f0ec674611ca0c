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

export const STORAGE_FULL_MESSAGE = 'The browser has no room left to store Reputation Lens data: free some disk space, then try again.';

/** A write refused for want of room: its transaction was aborted whole, so nothing of it was stored. */
export function isStorageFull(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError';
}

/** A failure to open, in words a user can act on; the database is left as it was. */
export function openFailure(error: unknown): Error {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'VersionError') {
    return new Error(
      `The saved data was written by a newer version of Reputation Lens than this one (database version ${DB_VERSION} here). ` +
        'Update the extension to see it; nothing was changed.',
    );
  }
  if (name === 'QuotaExceededError') return new Error(STORAGE_FULL_MESSAGE);
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`The Reputation Lens database could not be opened (${reason}). It is tried again with the next action; nothing was changed.`);
}
