import type { CommitmentCreateInput, CommitmentUpdateInput, CommitmentVisibility } from '@/graphql/generated/graphql';

/** What the commitment form holds; whose it is and what it serves are chosen when publishing only. */
export interface CommitmentFormModel {
  organisationId: string;
  personal: boolean;
  projectId: string;
  title: string;
  description: string;
  beneficiary: string;
  dueOn: string;
  visibility: CommitmentVisibility;
}

export type CommitmentFormField = 'organisationId' | 'projectId' | 'title' | 'description' | 'beneficiary' | 'dueOn' | 'visibility';

/** Input fields the API reports errors on (`["input", "<field>"]`) → the form item that shows them. */
export const COMMITMENT_FORM_FIELDS: Readonly<Record<string, CommitmentFormField>> = {
  organisationId: 'organisationId',
  personal: 'organisationId',
  title: 'title',
  description: 'description',
  beneficiary: 'beneficiary',
  dueOn: 'dueOn',
  projectId: 'projectId',
  needId: 'projectId',
  visibility: 'visibility',
};

export const COMMITMENT_VISIBILITIES: readonly CommitmentVisibility[] = ['PUBLIC', 'INTERNAL'];

export function emptyCommitmentForm(organisationId = ''): CommitmentFormModel {
  return {
    organisationId,
    personal: false,
    projectId: '',
    title: '',
    description: '',
    beneficiary: '',
    dueOn: '',
    visibility: 'PUBLIC',
  };
}

/** The current values of a commitment, to edit it. */
export function commitmentFormOf(commitment: {
  organisation: { id: string };
  person?: { id: string } | null;
  project?: { id: string } | null;
  title: string;
  description: string;
  beneficiary: string;
  dueOn: string;
  visibility: CommitmentVisibility;
}): CommitmentFormModel {
  return {
    organisationId: commitment.organisation.id,
    personal: !!commitment.person,
    projectId: commitment.project?.id ?? '',
    title: commitment.title,
    description: commitment.description,
    beneficiary: commitment.beneficiary,
    dueOn: commitment.dueOn,
    visibility: commitment.visibility,
  };
}

export function toCommitmentCreateInput(form: CommitmentFormModel): CommitmentCreateInput {
  return {
    organisationId: form.organisationId,
    personal: form.personal,
    title: form.title,
    description: form.description,
    beneficiary: form.beneficiary,
    dueOn: form.dueOn,
    projectId: form.projectId || null,
    visibility: form.visibility,
  };
}

/**
 * Only what changed is sent ("omitted" means "unchanged"): an overdue commitment keeps its due day,
 * so sending the same day again must not be read as moving it.
 */
export function toCommitmentUpdateInput(form: CommitmentFormModel, original: CommitmentFormModel): CommitmentUpdateInput {
  const input: CommitmentUpdateInput = {};
  for (const field of ['title', 'description', 'beneficiary'] as const) {
    if (form[field].trim() !== original[field]) {
      input[field] = form[field].trim();
    }
  }
  if (form.dueOn && form.dueOn !== original.dueOn) {
    input.dueOn = form.dueOn;
  }
  if (form.visibility !== original.visibility) {
    input.visibility = form.visibility;
  }
  return input;
}
