import { LocalizedError, problem } from '../../i18n/problems';
import { emptyPromotionMonth } from '../../promotion';
import type { Handlers } from '../../messaging';
import type { Month, Project } from '../../schema';
import type { SenderContext } from '../sender';
import { projectIdOf, type HandlerDeps } from './common';

type PromotionHandlers = Pick<Handlers<SenderContext>, 'promotion.get' | 'promotion.save'>;

/** The monthly social-promotion figures the dashboard types in; only the extension's own pages read or write them. */
export function promotionHandlers({ repository, hooks, now }: HandlerDeps): PromotionHandlers {
  /** The named (else active) project, which must exist: figures of no project would never be shown or deleted. */
  const projectOf = async (projectId: string | undefined): Promise<Project> => {
    const id = await projectIdOf(repository, projectId);
    const project = id ? await repository.projects.getProject(id) : undefined;
    if (!project) throw new LocalizedError(problem('needsProject'));
    return project;
  };

  /** A month not saved yet starts with the channels of the latest earlier saved month, their figures empty. */
  const unsavedMonth = async (projectId: string, month: Month, saved: readonly Month[]) => {
    const earlier = saved.filter((candidate) => candidate < month).at(-1);
    const template = earlier ? await repository.promotion.getMonth(projectId, earlier) : undefined;
    return emptyPromotionMonth(projectId, month, template?.channels.map((channel) => channel.name));
  };

  return {
    async 'promotion.get'({ projectId, month }) {
      const project = await projectOf(projectId);
      const months = await repository.promotion.listMonths(project.id);
      const promotion = (await repository.promotion.getMonth(project.id, month)) ?? (await unsavedMonth(project.id, month, months));
      return { promotion, budget: project.monthlyBudget, months };
    },

    async 'promotion.save'({ projectId, month, channels }) {
      const project = await projectOf(projectId);
      const promotion = await repository.promotion.saveMonth({ projectId: project.id, month, channels, updatedAt: now() });
      hooks.onDataChanged(project.id);
      return { promotion };
    },
  };
}
