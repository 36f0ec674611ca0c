import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import type { Project } from '@/lib/schema';
import { useMessages } from './Locale';

export function ProjectList(props: {
  projects: readonly Project[];
  activeId: string | null;
  editingId: string | null;
  onEdit: (project: Project) => void;
  onActivate: (id: string) => void;
  onDelete: (project: Project) => void;
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  if (props.projects.length === 0) return <p class="empty">{t('noProjects')}</p>;
  return (
    <ul class="project-list" data-testid="project-list">
      {props.projects.map((project) => (
        <li key={project.id} class={project.id === props.editingId ? 'editing' : ''} data-testid="project-row">
          <span class="project-name">{project.name}</span>
          {project.id === props.activeId ? (
            <span class="active-badge">{t('activeBadge')}</span>
          ) : (
            <button type="button" onClick={() => props.onActivate(project.id)}>
              {t('makeActive')}
            </button>
          )}
          <button type="button" data-testid="project-edit" onClick={() => props.onEdit(project)}>
            {t('edit')}
          </button>
          <button type="button" data-testid="project-delete" onClick={() => props.onDelete(project)}>
            {t('delete')}
          </button>
        </li>
      ))}
    </ul>
  );
}
