import type { VolunteerActivityUpdateInput } from '@/graphql/generated/graphql';

/** What the activity forms share (create page and edit dialog): what, where. */
export interface VolunteerActivityFormModel {
  title: string;
  description: string;
  place: string;
  regionId: string | null;
}

/** The shared fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type VolunteerActivityFormField = keyof VolunteerActivityFormModel;

export const VOLUNTEER_ACTIVITY_FORM_FIELDS: Readonly<Record<string, VolunteerActivityFormField>> = {
  title: 'title',
  description: 'description',
  place: 'place',
  regionId: 'regionId',
};

export function emptyVolunteerActivityForm(): VolunteerActivityFormModel {
  return { title: '', description: '', place: '', regionId: null };
}

/** The current values of an activity, to edit it. */
export function volunteerActivityFormOf(activity: {
  title: string;
  description: string;
  place: string;
  region: { id: string };
}): VolunteerActivityFormModel {
  return { title: activity.title, description: activity.description, place: activity.place, regionId: activity.region.id };
}

/** Only what changed is sent ("omitted" means "unchanged"); a cleared text is sent so the API names it. */
export function toVolunteerActivityUpdateInput(
  form: VolunteerActivityFormModel,
  original: VolunteerActivityFormModel,
): VolunteerActivityUpdateInput {
  const input: VolunteerActivityUpdateInput = {};
  for (const field of ['title', 'description', 'place'] as const) {
    if (form[field].trim() !== original[field]) {
      input[field] = form[field].trim();
    }
  }
  if (form.regionId && form.regionId !== original.regionId) {
    input.regionId = form.regionId;
  }
  return input;
}
