import { LocalizedError, issueProblem, problem, problemText, type Problem } from '../i18n/problems';
import { minSuggestionConfidenceOf } from '../kpi/label-state';
import { ProjectInputSchema, monthOf, type Month, type Plan, type Project, type ProjectInput } from '../schema';
import { COUNTER_STORES, rebuildProjectCounters } from './aggregates';
import type { LensDatabase } from './database';
import { ACTIVE_PROJECT_KEY, deleteProjectRecords, inCreationOrder, learnedModelKey, markedCountKey, retentionDayKey } from './stores';

/** A project refused: why, by field (`name`, `targets.serpPositivity`), said beside each field in the user's language. */
export class ProjectValidationError extends Error {
  constructor(readonly fieldProblems: Record<string, Problem>) {
    super(Object.entries(fieldProblems).map(([field, said]) => `${field}: ${problemText(said, 'en')}`).join('; '));
    this.name = 'ProjectValidationError';
  }
}

/** Projects, the active project and the other settings. */
export class ProjectRepository {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  listProjects(): Promise<Project[]> {
    return this.db.getAll('projects').then(inCreationOrder);
  }

  getProject(id: string): Promise<Project | undefined> {
    return this.db.get('projects', id);
  }

  async getActiveProjectId(): Promise<string | null> {
    const setting = await this.db.get('settings', ACTIVE_PROJECT_KEY);
    if (typeof setting?.value !== 'string') return null;
    return (await this.getProject(setting.value)) ? setting.value : null;
  }

  async getActiveProject(): Promise<Project | null> {
    const id = await this.getActiveProjectId();
    return id ? ((await this.getProject(id)) ?? null) : null;
  }

  async setActiveProject(id: string | null): Promise<void> {
    if (id !== null && !(await this.getProject(id))) throw new LocalizedError(problem('projectGone'));
    await this.db.put('settings', { key: ACTIVE_PROJECT_KEY, value: id });
  }

  async getSetting(key: string): Promise<unknown> {
    return (await this.db.get('settings', key))?.value;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', { key, value });
  }

  /** Validates the whole input first: a refused project leaves nothing half-saved. */
  async saveProject(input: ProjectInput | Record<string, unknown>, id?: string, now = Date.now()): Promise<Project> {
    const parsed = ProjectInputSchema.safeParse(input);
    if (!parsed.success) {
      const fieldProblems: Record<string, Problem> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.filter((part) => typeof part === 'string').join('.') || 'form';
        fieldProblems[field] ??= issueProblem(issue);
      }
      throw new ProjectValidationError(fieldProblems);
    }
    // Two projects of one name could not be told apart in the project lists, the popup or a report.
    const sameName = (name: string) => name.trim().toLowerCase() === parsed.data.name.toLowerCase();
    if ((await this.listProjects()).some((other) => other.id !== id && sameName(other.name))) {
      throw new ProjectValidationError({ name: problem('projectNameTaken', { name: parsed.data.name }) });
    }
    const tx = this.db.transaction(['projects', ...COUNTER_STORES], 'readwrite');
    const existing = id ? await tx.objectStore('projects').get(id) : undefined;
    if (id && !existing) throw new LocalizedError(problem('projectGone'));
    const project: Project = {
      ...parsed.data,
      id: existing?.id ?? this.newId(),
      baselineMonth: existing?.baselineMonth ?? monthOf(now),
      ...(existing?.plan && { plan: existing.plan }),
      ...(existing?.searchesKeptFrom && { searchesKeptFrom: existing.searchesKeptFrom }),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.objectStore('projects').put(project);
    const active = await tx.objectStore('settings').get(ACTIVE_PROJECT_KEY);
    if (typeof active?.value !== 'string') await tx.objectStore('settings').put({ key: ACTIVE_PROJECT_KEY, value: project.id });
    // Client domains change what counts too, but through the mentions' flags: refreshClientFlags rebuilds then.
    const countingChanged =
      existing !== undefined &&
      (existing.keyQueries.join('\n') !== project.keyQueries.join('\n') ||
        minSuggestionConfidenceOf(existing) !== minSuggestionConfidenceOf(project));
    if (countingChanged) await rebuildProjectCounters(tx, project, this.normalizeQuery);
    await tx.done;
    return project;
  }

  /** The plan changes targets only: nothing counted changes, so nothing is rebuilt. */
  async setPlan(id: string, baselineMonth: Month, plan: Plan, now = Date.now()): Promise<Project> {
    const tx = this.db.transaction('projects', 'readwrite');
    const existing = await tx.store.get(id);
    if (!existing) throw new LocalizedError(problem('projectGone'));
    const project: Project = { ...existing, baselineMonth, plan, updatedAt: now };
    await tx.store.put(project);
    await tx.done;
    return project;
  }

  async deleteProject(id: string): Promise<void> {
    const stores = ['projects', 'mentions', 'snapshots', 'aggregates', 'topSlots', 'portals', 'promotion', 'settings'] as const;
    const tx = this.db.transaction([...stores], 'readwrite');
    await tx.objectStore('projects').delete(id);
    for (const store of ['mentions', 'snapshots', 'aggregates', 'topSlots', 'portals', 'promotion'] as const) {
      await deleteProjectRecords(tx, store, id);
    }
    for (const key of [learnedModelKey(id), markedCountKey(id), retentionDayKey(id)]) await tx.objectStore('settings').delete(key);
    const active = await tx.objectStore('settings').get(ACTIVE_PROJECT_KEY);
    if (active?.value === id) {
      const remaining = await tx.objectStore('projects').getAll();
      const next = remaining.sort((a, b) => a.createdAt - b.createdAt)[0];
      await tx.objectStore('settings').put({ key: ACTIVE_PROJECT_KEY, value: next?.id ?? null });
    }
    await tx.done;
  }
}
