import { ProjectStatus } from './project.enums.js';

/** The allowed moves of the project life cycle; anything else is INVALID_STATE_TRANSITION. */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  [ProjectStatus.DRAFT]: [ProjectStatus.RECRUITING, ProjectStatus.CANCELLED],
  [ProjectStatus.RECRUITING]: [ProjectStatus.ACTIVE, ProjectStatus.CANCELLED],
  [ProjectStatus.ACTIVE]: [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED],
  [ProjectStatus.COMPLETED]: [],
  [ProjectStatus.CANCELLED]: [],
};

/** Still running: its content (title, needs, partners, deliverables) may change. */
export function isOpen(status: ProjectStatus): boolean {
  return status === ProjectStatus.DRAFT || status === ProjectStatus.RECRUITING || status === ProjectStatus.ACTIVE;
}

/** Not started yet: its structure (category, regions, start date) may still change. */
export function isStructureEditable(status: ProjectStatus): boolean {
  return status === ProjectStatus.DRAFT || status === ProjectStatus.RECRUITING;
}

/** Public and running: organisations may pledge, deliver and apply to join. */
export function acceptsPledges(status: ProjectStatus): boolean {
  return status === ProjectStatus.RECRUITING || status === ProjectStatus.ACTIVE;
}
