import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import { useMessages } from './Locale';

export interface ProjectOption {
  id: string;
  name: string;
}

export function ProjectSelect(props: {
  projects: readonly ProjectOption[];
  activeId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useMessages(POPUP_MESSAGES);
  return (
    <select
      data-testid="project-select"
      aria-label={t('activeProject')}
      // A long name is cut short where the popup has no room for it: the tooltip shows all of it.
      title={props.projects.find((project) => project.id === props.activeId)?.name}
      value={props.activeId ?? ''}
      onChange={(event) => props.onSelect((event.target as HTMLSelectElement).value)}
    >
      {props.activeId === null && <option value="">{t('noActiveProject')}</option>}
      {props.projects.map((project) => (
        <option key={project.id} value={project.id}>
          {project.name}
        </option>
      ))}
    </select>
  );
}
