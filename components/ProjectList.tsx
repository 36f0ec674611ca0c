import type { Project } from '@/lib/schema';

export function ProjectList(props: {
  projects: readonly Project[];
  activeId: string | null;
  editingId: string | null;
  onEdit: (project: Project) => void;
  onActivate: (id: string) => void;
  onDelete: (project: Project) => void;
}) {
  if (props.projects.length === 0) return <p class="empty">No projects yet: create the first one below.</p>;
  return (
    <ul class="project-list" data-testid="project-list">
      {props.projects.map((project) => (
        <li key={project.id} class={project.id === props.editingId ? 'editing' : ''} data-testid="project-row">
          <span class="project-name">{project.name}</span>
          {project.id === props.activeId ? (
            <span class="active-badge">active</span>
          ) : (
            <button type="button" onClick={() => props.onActivate(project.id)}>
              Make active
            </button>
          )}
          <button type="button" data-testid="project-edit" onClick={() => props.onEdit(project)}>
            Edit
          </button>
          <button type="button" data-testid="project-delete" onClick={() => props.onDelete(project)}>
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}
