import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PromotionMonth } from '../promotion';
import type { Aggregate, Mention, PortalRecord, Project, Snapshot } from '../schema';

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
    indexes: { byProject: string; byProjectMarkedAt: [string, number]; byProjectDomain: [string, string] };
  };
  snapshots: {
    key: number;
    value: Snapshot;
    indexes: { byProject: string; byProjectMonth: [string, string] };
  };
  aggregates: { key: [string, string]; value: Aggregate; indexes: { byProject: string } };
  portals: { key: [string, string]; value: PortalRecord; indexes: { byProject: string } };
  promotion: { key: [string, string]; value: PromotionMonth; indexes: { byProject: string } };
  settings: { key: string; value: SettingRecord };
}

export type LensDatabase = IDBPDatabase<LensDB>;

export const DB_NAME = 'reputation-lens';
export const DB_VERSION = 2;

/**
 * Schema changes only ever add a new `if (oldVersion < N)` step below, each with a migration test that opens
 * data written by version N-1.
 */
export function openLensDatabase(name: string = DB_NAME): Promise<LensDatabase> {
  return openDB<LensDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('projects', { keyPath: 'id' });
        const mentions = db.createObjectStore('mentions', { keyPath: ['projectId', 'canonicalUrl'] });
        mentions.createIndex('byProject', 'projectId');
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
    },
  });
}
