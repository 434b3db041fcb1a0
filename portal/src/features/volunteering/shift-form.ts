import type { ShiftCreateInput, ShiftUpdateInput } from '@/graphql/generated/graphql';
import { chinaWallClockToIso, isoToChinaWallClock } from './shift-time';

/** What the shift form holds: times as Beijing wall-clock text ('YYYY-MM-DD HH:mm:ss'), as the pickers give them. */
export interface ShiftFormModel {
  startsAt: string;
  endsAt: string;
  capacity: number;
  requiredSkills: string[];
  /** Editing only: draw a new check-in code (the old one stops working). */
  regenerateCheckInCode: boolean;
}

/** The form fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type ShiftFormField = 'startsAt' | 'endsAt' | 'capacity' | 'requiredSkills';

export const SHIFT_FORM_FIELDS: Readonly<Record<string, ShiftFormField>> = {
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  capacity: 'capacity',
  requiredSkills: 'requiredSkills',
};

/** A shift as the edit form needs it (the card's fields). */
export interface EditableShift {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  placesTaken: number;
  requiredSkills: readonly string[];
}

export function emptyShiftForm(): ShiftFormModel {
  return { startsAt: '', endsAt: '', capacity: 10, requiredSkills: [], regenerateCheckInCode: false };
}

/** The current values of a shift, to edit it. */
export function shiftFormOf(shift: EditableShift): ShiftFormModel {
  return {
    startsAt: isoToChinaWallClock(shift.startsAt),
    endsAt: isoToChinaWallClock(shift.endsAt),
    capacity: shift.capacity,
    requiredSkills: [...shift.requiredSkills],
    regenerateCheckInCode: false,
  };
}

function cleanSkills(skills: readonly string[]): string[] {
  return skills.map((skill) => skill.trim()).filter(Boolean);
}

/** An empty time stays empty so that the API names the field that is missing. */
function toIso(value: string): string {
  return value ? chinaWallClockToIso(value) : '';
}

export function toShiftCreateInput(activityId: string, form: ShiftFormModel): ShiftCreateInput {
  return {
    activityId,
    startsAt: toIso(form.startsAt),
    endsAt: toIso(form.endsAt),
    capacity: form.capacity,
    requiredSkills: cleanSkills(form.requiredSkills),
  };
}

/**
 * Only what changed is sent: "omitted" means "unchanged", and the API refuses any new time once the
 * shift has started, even an unchanged one sent again.
 */
export function toShiftUpdateInput(form: ShiftFormModel, original: ShiftFormModel): ShiftUpdateInput {
  const input: ShiftUpdateInput = {};
  // A cleared picker changes nothing: an edited shift always has both times.
  if (form.startsAt && form.startsAt !== original.startsAt) {
    input.startsAt = toIso(form.startsAt);
  }
  if (form.endsAt && form.endsAt !== original.endsAt) {
    input.endsAt = toIso(form.endsAt);
  }
  if (form.capacity !== original.capacity) {
    input.capacity = form.capacity;
  }
  const skills = cleanSkills(form.requiredSkills);
  if (skills.join('\n') !== original.requiredSkills.join('\n')) {
    input.requiredSkills = skills;
  }
  if (form.regenerateCheckInCode) {
    input.regenerateCheckInCode = true;
  }
  return input;
}
