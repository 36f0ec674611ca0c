import type { IDBPObjectStore, StoreNames } from 'idb';
import { addLink, linkSlotOf, newPortal, recordPortalObservation, type PortalObservation } from '../kpi/portals';
import type { Mention, PortalRecord } from '../schema';
import type { LensDB, LensDatabase } from './database';

type PortalStore = IDBPObjectStore<LensDB, ArrayLike<StoreNames<LensDB>>, 'portals', 'readwrite'>;

/**
 * The portal records one write touches, loaded on first use and written back once, in the transaction of the
 * mention writes they follow from.
 */
export class PortalWrites {
  private readonly loaded = new Map<string, PortalRecord | undefined>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly store: PortalStore,
    private readonly projectId: string,
  ) {}

  private async portal(domain: string): Promise<PortalRecord | undefined> {
    if (!this.loaded.has(domain)) this.loaded.set(domain, await this.store.get([this.projectId, domain]));
    return this.loaded.get(domain);
  }

  async observe(observation: PortalObservation): Promise<void> {
    const current = (await this.portal(observation.domain)) ?? newPortal(this.projectId, observation.domain);
    this.loaded.set(observation.domain, recordPortalObservation(current, observation));
    this.dirty.add(observation.domain);
  }

  /** Moves the mention's link to the client (if it is one) to where it counts now. */
  async applyMentionChange(before: Mention | undefined, after: Mention): Promise<void> {
    const removed = linkSlotOf(before);
    const added = linkSlotOf(after);
    if (removed?.domain === added?.domain && removed?.month === added?.month) return;
    for (const [slot, delta] of [[removed, -1], [added, 1]] as const) {
      const portal = slot ? await this.portal(slot.domain) : undefined;
      if (!slot || !portal) continue;
      addLink(portal, slot.month, delta);
      this.dirty.add(slot.domain);
    }
  }

  async writeBack(): Promise<void> {
    for (const domain of this.dirty) {
      const portal = this.loaded.get(domain);
      if (portal) await this.store.put(portal);
    }
  }
}

/** The portal records as the dashboard reads and annotates them. */
export class PortalRepository {
  constructor(private readonly db: LensDatabase) {}

  listPortals(projectId: string): Promise<PortalRecord[]> {
    return this.db.getAllFromIndex('portals', 'byProject', projectId);
  }

  getPortal(projectId: string, domain: string): Promise<PortalRecord | undefined> {
    return this.db.get('portals', [projectId, domain]);
  }

  /** The user-typed attributes; a portal appears only once it was observed, so an unknown domain is refused. */
  async annotate(projectId: string, domain: string, attributes: Pick<PortalRecord, 'popularity' | 'note'>): Promise<PortalRecord> {
    const tx = this.db.transaction('portals', 'readwrite');
    const portal = await tx.store.get([projectId, domain]);
    if (!portal) throw new Error(`No portal ${domain} in this project`);
    const annotated = { ...portal, popularity: attributes.popularity, note: attributes.note };
    await tx.store.put(annotated);
    await tx.done;
    return annotated;
  }
}
