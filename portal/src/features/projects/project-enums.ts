import type { NeedKind, ProjectCategory, ProjectStatus } from '@/graphql/generated/graphql';

/** In the order of the life cycle, as filters list them. */
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['DRAFT', 'RECRUITING', 'ACTIVE', 'COMPLETED', 'CANCELLED'];

export const PROJECT_CATEGORIES: readonly ProjectCategory[] = [
  'ELDERLY_CARE',
  'EMPLOYMENT',
  'ENVIRONMENT',
  'INFRASTRUCTURE',
  'INDUSTRY',
  'CULTURE',
  'SAFETY',
  'DISPUTE_PREVENTION',
  'OTHER',
];

export const NEED_KINDS: readonly NeedKind[] = [
  'FUNDS',
  'MATERIALS',
  'VENUE',
  'VOLUNTEER_HOURS',
  'PROFESSIONAL_SERVICE',
  'TECHNOLOGY',
  'POLICY_ADVICE',
  'LEGAL_AID',
  'OTHER',
];

/**
 * The moves the API allows (server/src/projects/project-status.ts), so the page only offers
 * those; the server still decides (INVALID_STATE_TRANSITION).
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  DRAFT: ['RECRUITING', 'CANCELLED'],
  RECRUITING: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Category, regions and start date may change only before the project starts. */
export function isStructureEditable(status: ProjectStatus): boolean {
  return status === 'DRAFT' || status === 'RECRUITING';
}

export const PROJECT_STATUS_TAG_TYPES: Readonly<Record<ProjectStatus, 'info' | 'primary' | 'success' | 'warning' | 'danger'>> = {
  DRAFT: 'info',
  RECRUITING: 'warning',
  ACTIVE: 'primary',
  COMPLETED: 'success',
  CANCELLED: 'danger',
};
