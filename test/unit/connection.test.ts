import { forceCloseDatabase } from 'fake-indexeddb';
import { deleteDB, openDB, unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { DatabaseConnection } from '@/lib/db/connection';
import { DB_VERSION } from '@/lib/db/database';

let databaseCount = 0;
const freshName = () => `connection-${databaseCount++}`;

describe('the background’s database connection', () => {
  it('refuses a database written by a newer version with a clear message, and touches nothing', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => db.createObjectStore('future').put('kept', 'key') });
    newer.close();
    const connection = new DatabaseConnection(name);
    await expect(connection.get()).rejects.toThrow(/newer version of Reputation Lens.*nothing was changed/);
    const after = await openDB(name);
    expect([after.version, await after.get('future', 'key')]).toEqual([DB_VERSION + 1, 'kept']);
    after.close();
    // Fixed outside (here: the newer data removed), the next request opens without a browser restart.
    await deleteDB(name);
    expect((await connection.get()).version).toBe(DB_VERSION);
  });

  it('steps aside for a newer version instead of blocking it, then reports it', async () => {
    const name = freshName();
    const connection = new DatabaseConnection(name);
    await connection.get();
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    await expect(connection.get()).rejects.toThrow(/newer version/);
  });

  it('opens a new connection after the browser closed the old one, and repeats work that failed with it', async () => {
    const connection = new DatabaseConnection(freshName());
    const first = await connection.get();
    let runs = 0;
    const answer = await connection.use(
      async (db) => {
        runs += 1;
        if (db !== first) return 'done';
        // What Chromium does when it force-closes a connection (site data cleared, disk error).
        forceCloseDatabase(unwrap(db) as unknown as Parameters<typeof forceCloseDatabase>[0]);
        return 'failed';
      },
      (result) => result === 'failed',
    );
    expect([answer, runs]).toEqual(['done', 2]);
    expect(await connection.get()).not.toBe(first);
  });

  it('does not repeat work that succeeded, nor work that failed on a connection still open', async () => {
    const connection = new DatabaseConnection(freshName());
    let runs = 0;
    const fails = async () => {
      runs += 1;
      return 'failed';
    };
    expect(await connection.use(fails, (result) => result === 'failed')).toBe('failed');
    await expect(connection.use(async () => Promise.reject(new Error('bad input')), () => true)).rejects.toThrow('bad input');
    expect(runs).toBe(1);
  });
});
