import { LocalizedError, problem } from '../i18n/problems';
import { addLink, linkSlotOf, newPortal, recordPortalObservation, type PortalObservation } from '../kpi/portals';
import type { Mention, PortalRecord } from '../schema';
import type { LensDatabase } from './database';
import { ProjectRecordWrites, type ProjectRecordStore } from './stores';

/** How a mention write changes the portal records it touches (in that write's transaction). */
export class PortalWrites {
  private readonly records: ProjectRecordWrites<'portals'>;

  constructor(store: ProjectRecordStore<'portals'>, private readonly projectId: string) {
    this.records = new ProjectRecordWrites(store, projectId);
  }

  async observe(observation: PortalObservation): Promise<void> {
    const current = (await this.records.get(observation.domain)) ?? newPortal(this.projectId, observation.domain);
    this.records.set(observation.domain, recordPortalObservation(current, observation));
  }

  /** Moves the mention's link to the client (if it is one) to where it counts now. */
  async applyMentionChange(before: Mention | undefined, after: Mention): Promise<void> {
    const removed = linkSlotOf(before);
    const added = linkSlotOf(after);
    if (removed?.domain === added?.domain && removed?.month === added?.month) return;
    for (const [slot, delta] of [[removed, -1], [added, 1]] as const) {
      const portal = slot ? await this.records.get(slot.domain) : undefined;
      if (!slot || !portal) continue;
      addLink(portal, slot.month, delta);
      this.records.changed(slot.domain);
    }
  }

  writeBack(): Promise<void> {
    return this.records.writeBack();
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
    if (!portal) throw new LocalizedError(problem('portalGone', { domain }));
    const annotated = { ...portal, popularity: attributes.popularity, note: attributes.note };
    await tx.store.put(annotated);
    await tx.done;
    return annotated;
  }
}
