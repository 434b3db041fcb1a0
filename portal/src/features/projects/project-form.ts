import type { ProjectCategory, ProjectCreateInput, ProjectUpdateInput } from '@/graphql/generated/graphql';

/** A region chosen as served by the project, with the name to show it by. */
export interface ProjectRegionChoice {
  id: string;
  name: string;
}

/** What the project wizard holds (create and edit). */
export interface ProjectFormModel {
  leadOrganisationId: string | null;
  title: string;
  summary: string;
  category: ProjectCategory | null;
  regions: ProjectRegionChoice[];
  startDate: string | null;
  endDate: string | null;
}

/** The form fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type ProjectFormField = 'leadOrganisationId' | 'title' | 'summary' | 'category' | 'regionIds' | 'startDate' | 'endDate';

/** Errors on `regionIds` may name one region by its index (`["input", "regionIds", "2"]`). */
export const PROJECT_FORM_FIELDS: Readonly<Record<string, ProjectFormField>> = {
  leadOrganisationId: 'leadOrganisationId',
  title: 'title',
  summary: 'summary',
  category: 'category',
  regionIds: 'regionIds',
  ...Object.fromEntries(Array.from({ length: 20 }, (_, index) => [String(index), 'regionIds' as const])),
  startDate: 'startDate',
  endDate: 'endDate',
};

/** The wizard step each field is on, to go back to the first one with an error. */
export const PROJECT_FIELD_STEPS: Readonly<Record<ProjectFormField, number>> = {
  leadOrganisationId: 0,
  title: 0,
  summary: 0,
  category: 0,
  regionIds: 1,
  startDate: 1,
  endDate: 1,
};

export const MAX_PROJECT_REGIONS = 20;

export function emptyProjectForm(): ProjectFormModel {
  return { leadOrganisationId: null, title: '', summary: '', category: null, regions: [], startDate: null, endDate: null };
}

/** Validated step by step first, so the required fields are set; the server checks them again. */
export function toProjectCreateInput(form: ProjectFormModel): ProjectCreateInput {
  return {
    leadOrganisationId: form.leadOrganisationId ?? '',
    title: form.title.trim(),
    summary: form.summary.trim(),
    category: form.category as ProjectCategory,
    regionIds: form.regions.map((region) => region.id),
    startDate: form.startDate ?? '',
    endDate: form.endDate,
  };
}

/**
 * Only what changed is sent; category, regions and start date only while they may change (the
 * API refuses them once the project is under way, even unchanged).
 */
export function toProjectUpdateInput(form: ProjectFormModel, original: ProjectFormModel, structureEditable: boolean): ProjectUpdateInput {
  const input: ProjectUpdateInput = {};
  if (form.title.trim() !== original.title) {
    input.title = form.title.trim();
  }
  if (form.summary.trim() !== original.summary) {
    input.summary = form.summary.trim();
  }
  if (form.endDate !== original.endDate) {
    input.endDate = form.endDate;
  }
  if (structureEditable) {
    if (form.category && form.category !== original.category) {
      input.category = form.category;
    }
    if (form.startDate && form.startDate !== original.startDate) {
      input.startDate = form.startDate;
    }
    const ids = form.regions.map((region) => region.id);
    const originalIds = original.regions.map((region) => region.id);
    if (ids.length !== originalIds.length || ids.some((id, index) => id !== originalIds[index])) {
      input.regionIds = ids;
    }
  }
  return input;
}
