import type { DeliverableCreateInput, DeliverableUpdateInput } from '@/graphql/generated/graphql';

/** What the deliverable form holds. */
export interface DeliverableFormModel {
  title: string;
  description: string;
  dueOn: string | null;
  ownerIds: string[];
  pledgeIds: string[];
}

/** The form fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type DeliverableFormField = keyof DeliverableFormModel;

export const DELIVERABLE_FORM_FIELDS: Readonly<Record<string, DeliverableFormField>> = {
  title: 'title',
  description: 'description',
  dueOn: 'dueOn',
  ownerIds: 'ownerIds',
  pledgeIds: 'pledgeIds',
};

/** A choice in the owners or pledges select. */
export interface DeliverableOption {
  id: string;
  label: string;
}

export function emptyDeliverableForm(): DeliverableFormModel {
  return { title: '', description: '', dueOn: null, ownerIds: [], pledgeIds: [] };
}

export function toDeliverableCreateInput(projectId: string, form: DeliverableFormModel): DeliverableCreateInput {
  return {
    projectId,
    title: form.title.trim(),
    description: form.description.trim() || null,
    dueOn: form.dueOn,
    ownerIds: form.ownerIds,
    pledgeIds: form.pledgeIds,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Only what changed; owners only when the viewer may change them (coordinators). */
export function toDeliverableUpdateInput(
  form: DeliverableFormModel,
  original: DeliverableFormModel,
  canChangeOwners: boolean,
): DeliverableUpdateInput {
  const input: DeliverableUpdateInput = {};
  if (form.title.trim() !== original.title) {
    input.title = form.title.trim();
  }
  if (form.description.trim() !== original.description) {
    input.description = form.description.trim();
  }
  if (form.dueOn !== original.dueOn) {
    input.dueOn = form.dueOn;
  }
  if (canChangeOwners && !sameSet(form.ownerIds, original.ownerIds)) {
    input.ownerIds = form.ownerIds;
  }
  if (!sameSet(form.pledgeIds, original.pledgeIds)) {
    input.pledgeIds = form.pledgeIds;
  }
  return input;
}
