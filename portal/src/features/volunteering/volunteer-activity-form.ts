import type { VolunteerActivityUpdateInput } from '@/graphql/generated/graphql';

/** What the activity forms share (create page and edit dialog): what, where, and which need its hours serve. */
export interface VolunteerActivityFormModel {
  title: string;
  description: string;
  place: string;
  regionId: string | null;
  /** The project's VOLUNTEER_HOURS need the hours count towards; null for none. */
  needId: string | null;
}

/** The shared fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type VolunteerActivityFormField = keyof VolunteerActivityFormModel;

export const VOLUNTEER_ACTIVITY_FORM_FIELDS: Readonly<Record<string, VolunteerActivityFormField>> = {
  title: 'title',
  description: 'description',
  place: 'place',
  regionId: 'regionId',
  needId: 'needId',
};

export function emptyVolunteerActivityForm(): VolunteerActivityFormModel {
  return { title: '', description: '', place: '', regionId: null, needId: null };
}

/** The current values of an activity, to edit it. */
export function volunteerActivityFormOf(activity: {
  title: string;
  description: string;
  place: string;
  region: { id: string };
  need?: { id: string } | null;
}): VolunteerActivityFormModel {
  return {
    title: activity.title,
    description: activity.description,
    place: activity.place,
    regionId: activity.region.id,
    needId: activity.need?.id ?? null,
  };
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
  if (form.needId && form.needId !== original.needId) {
    input.needId = form.needId;
  } else if (!form.needId && original.needId) {
    // A null needId means "unchanged": clearing the choice unlinks with the API's own flag.
    input.unlinkNeed = true;
  }
  return input;
}
