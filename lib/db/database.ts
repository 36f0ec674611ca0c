import { openDB, unwrap, type DBSchema, type IDBPDatabase, type OpenDBCallbacks, type IDBPTransaction, type StoreNames } from 'idb';
import type { PromotionMonth } from '../promotion';
import type { Mention, MonthCounts, MonthSlots, PortalRecord, Project, Snapshot } from '../schema';

export type { PortalRecord } from '../schema';

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface LensDB extends DBSchema {
  projects: { key: string; value: Project };
  mentions: {
    key: [string, string];
    value: Mention;
    indexes: { byProjectMarkedAt: [string, number]; byProjectDomain: [string, string] };
  };
  snapshots: {
    key: number;
    value: Snapshot;
    indexes: { byProject: string; byProjectMonth: [string, string] };
  };
  aggregates: { key: [string, string]; value: MonthCounts; indexes: { byProject: string } };
  topSlots: { key: [string, string]; value: MonthSlots };
  portals: { key: [string, string]; value: PortalRecord; indexes: { byProject: string } };
  promotion: { key: [string, string]; value: PromotionMonth; indexes: { byProject: string } };
  settings: { key: string; value: SettingRecord };
}

export type LensDatabase = IDBPDatabase<LensDB>;

export const DB_NAME = 'reputation-lens';

/** What happens to an open connection later: another one needs a newer version, or the browser closed it. */
export type ConnectionLifetime = Pick<OpenDBCallbacks<LensDB>, 'blocking' | 'terminated'>;
export const DB_VERSION = 3;

/**
 * Schema changes only ever add a new `if (oldVersion < N)` step below, each with a migration test that opens
 * data written by version N-1.
 */
export function openLensDatabase(name: string = DB_NAME, lifetime: ConnectionLifetime = {}): Promise<LensDatabase> {
  return openDB<LensDB>(name, DB_VERSION, {
    ...lifetime,
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('projects', { keyPath: 'id' });
        const mentions = db.createObjectStore('mentions', { keyPath: ['projectId', 'canonicalUrl'] });
        // Unmarked mentions have no mark.at, so they stay out of this index and counting marks is cheap.
        mentions.createIndex('byProjectMarkedAt', ['projectId', 'mark.at']);
        const snapshots = db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
        snapshots.createIndex('byProject', 'projectId');
        snapshots.createIndex('byProjectMonth', ['projectId', 'month']);
        db.createObjectStore('aggregates', { keyPath: ['projectId', 'month'] }).createIndex('byProject', 'projectId');
        db.createObjectStore('portals', { keyPath: ['projectId', 'domain'] }).createIndex('byProject', 'projectId');
        db.createObjectStore('promotion', { keyPath: ['projectId', 'month'] }).createIndex('byProject', 'projectId');
        db.createObjectStore('settings', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        // A portal's mentions are read through the domain (the dashboard's portal table and its mention list).
        transaction.objectStore('mentions').createIndex('byProjectDomain', ['projectId', 'domain']);
        // Version 1 never wrote a portal; whatever an early build left there has the old record shape.
        void transaction.objectStore('portals').clear();
      }
      if (oldVersion < 3) {
        // A year of month counters is what the popup reads; the slots they are counted from (4,000 a month for 50
        // key queries on 4 engines) made each read 13 large records, so they move to a store of their own.
        db.createObjectStore('topSlots', { keyPath: ['projectId', 'month'] });
        void moveSlotsOutOfAggregates(transaction);
        // Mentions are keyed [projectId, canonicalUrl], so a project's range is read by key; the index only
        // cost every write (an import of 100,000 mentions maintained it 100,000 times).
        const mentions = unwrap(transaction.objectStore('mentions'));
        if (mentions.indexNames.contains('byProject')) mentions.deleteIndex('byProject');
      }
    },
  });
}

type UpgradeTransaction = IDBPTransaction<LensDB, StoreNames<LensDB>[], 'versionchange'>;

/** Version 2 kept each month's slots inside its aggregate record. */
async function moveSlotsOutOfAggregates(transaction: UpgradeTransaction): Promise<void> {
  const slots = transaction.objectStore('topSlots');
  for (let cursor = await transaction.objectStore('aggregates').openCursor(); cursor; cursor = await cursor.continue()) {
    const { slots: monthSlots = {}, ...counts } = cursor.value as MonthCounts & { slots?: MonthSlots['slots'] };
    await slots.put({ projectId: counts.projectId, month: counts.month, slots: monthSlots });
    await cursor.update(counts);
  }
}
