import { LocalizedError, problem } from '../../i18n/problems';
import type { Handlers } from '../../messaging';
import { monthOf } from '../../schema';
import type { SenderContext } from '../sender';
import { projectIdOf, type HandlerDeps } from './common';

type KpiHandlers = Pick<Handlers<SenderContext>, 'kpi.history' | 'projects.setPlan'>;

/** The history of a project's KPIs and the plan they are measured against (the dashboard's history). */
export function kpiHandlers({ repository, hooks, now }: HandlerDeps): KpiHandlers {
  return {
    async 'kpi.history'({ projectId, through }) {
      const id = await projectIdOf(repository, projectId);
      if (!id) throw new LocalizedError(problem('needsProject'));
      const project = await repository.projects.getProject(id);
      if (!project) throw new LocalizedError(problem('projectGone'));
      const months = await repository.aggregates.kpiHistory(id, through ?? monthOf(now()));
      return { projectId: id, baselineMonth: project.baselineMonth, months };
    },

    async 'projects.setPlan'({ id, baselineMonth, plan }) {
      const project = await repository.projects.setPlan(id, baselineMonth, plan, now());
      hooks.onDataChanged(id);
      return { project };
    },
  };
}
