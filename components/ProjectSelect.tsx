export interface ProjectOption {
  id: string;
  name: string;
}

export function ProjectSelect(props: {
  projects: readonly ProjectOption[];
  activeId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <select
      data-testid="project-select"
      aria-label="Active project"
      value={props.activeId ?? ''}
      onChange={(event) => props.onSelect((event.target as HTMLSelectElement).value)}
    >
      {props.activeId === null && <option value="">No project</option>}
      {props.projects.map((project) => (
        <option key={project.id} value={project.id}>
          {project.name}
        </option>
      ))}
    </select>
  );
}
