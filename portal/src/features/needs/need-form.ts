import type { NeedCreateInput, NeedKind, NeedUpdateInput } from '@/graphql/generated/graphql';

/** What the need forms hold; the quantity stays a string (an exact decimal, never a float). */
export interface NeedFormModel {
  kind: NeedKind | null;
  description: string;
  quantity: string;
  unit: string;
  deadline: string | null;
  allowOversubscription: boolean;
}

/** The form fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type NeedFormField = 'kind' | 'description' | 'quantity' | 'unit' | 'deadline' | 'allowOversubscription';

export const NEED_FORM_FIELDS: Readonly<Record<NeedFormField, NeedFormField>> = {
  kind: 'kind',
  description: 'description',
  quantity: 'quantity',
  unit: 'unit',
  deadline: 'deadline',
  allowOversubscription: 'allowOversubscription',
};

export function emptyNeedForm(): NeedFormModel {
  return { kind: null, description: '', quantity: '', unit: '', deadline: null, allowOversubscription: false };
}

/** The current values of a need, to edit it. */
export function needFormOf(need: {
  kind: NeedKind;
  description: string;
  quantity: string;
  unit: string;
  deadline?: string | null;
  allowOversubscription: boolean;
}): NeedFormModel {
  return {
    kind: need.kind,
    description: need.description,
    quantity: need.quantity,
    unit: need.unit,
    deadline: need.deadline ?? null,
    allowOversubscription: need.allowOversubscription,
  };
}

/** Validated by the form first, so the kind is set; the server checks everything again. */
export function toNeedCreateInput(projectId: string, form: NeedFormModel): NeedCreateInput {
  return {
    projectId,
    kind: form.kind as NeedKind,
    description: form.description.trim(),
    quantity: form.quantity.trim(),
    unit: form.unit.trim(),
    deadline: form.deadline,
    allowOversubscription: form.allowOversubscription,
  };
}

/**
 * Only what changed is sent: the API refuses a new kind or unit once something is pledged, even
 * when it is the same value, and "omitted" means "unchanged".
 */
export function toNeedUpdateInput(form: NeedFormModel, original: NeedFormModel): NeedUpdateInput {
  const input: NeedUpdateInput = {};
  if (form.kind && form.kind !== original.kind) {
    input.kind = form.kind;
  }
  if (form.description.trim() !== original.description) {
    input.description = form.description.trim();
  }
  if (form.quantity.trim() !== original.quantity) {
    input.quantity = form.quantity.trim();
  }
  if (form.unit.trim() !== original.unit) {
    input.unit = form.unit.trim();
  }
  if (form.deadline !== original.deadline) {
    input.deadline = form.deadline;
  }
  if (form.allowOversubscription !== original.allowOversubscription) {
    input.allowOversubscription = form.allowOversubscription;
  }
  return input;
}
