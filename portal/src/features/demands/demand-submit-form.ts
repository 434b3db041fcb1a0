import type { DemandCategory, DemandContactPreference, DemandSubmitInput } from '@/graphql/generated/graphql';
import { evidenceUrlFieldMap, parseEvidenceUrls } from '@/features/projects/evidence-urls';

/** The three steps of 我要点单: what, then where and details, then how to be contacted. */
export const SUBMIT_STEPS = ['category', 'details', 'contact'] as const;
export type SubmitStep = (typeof SUBMIT_STEPS)[number];

export const DESCRIPTION_MAX = 2000;
export const PLACE_MAX = 200;

export interface DemandSubmitForm {
  category: DemandCategory | null;
  description: string;
  /** Null: the resident's own grid (the API's default). */
  gridId: string | null;
  place: string;
  /** Evidence links, one per line. */
  evidence: string;
  contactPreference: DemandContactPreference;
  /** Empty: the phone of the resident's account. */
  contactPhone: string;
}

export function emptySubmitForm(): DemandSubmitForm {
  return { category: null, description: '', gridId: null, place: '', evidence: '', contactPreference: 'PHONE_CALL', contactPhone: '' };
}

export function toSubmitInput(form: DemandSubmitForm): DemandSubmitInput {
  const evidenceUrls = parseEvidenceUrls(form.evidence);
  return {
    category: form.category!,
    description: form.description.trim(),
    gridId: form.gridId,
    place: form.place.trim() || null,
    evidenceUrls: evidenceUrls.length > 0 ? evidenceUrls : null,
    contactPreference: form.contactPreference,
    contactPhone: form.contactPhone.trim() || null,
  };
}

export type SubmitField = 'category' | 'description' | 'gridId' | 'place' | 'evidence' | 'contactPhone' | 'contactPreference';

/** Where the API's error paths land in the form (the last segment of `field`). */
export const SUBMIT_FIELD_MAP: Readonly<Record<string, SubmitField>> = {
  ...evidenceUrlFieldMap<SubmitField>('evidence'),
  category: 'category',
  description: 'description',
  gridId: 'gridId',
  place: 'place',
  contactPhone: 'contactPhone',
  contactName: 'contactPhone',
  contactAddress: 'contactPhone',
  contactPreference: 'contactPreference',
};

/** The step showing a field, to go back to the first one the API found a problem with. */
export const STEP_OF_FIELD: Readonly<Record<SubmitField, SubmitStep>> = {
  category: 'category',
  description: 'details',
  gridId: 'details',
  place: 'details',
  evidence: 'details',
  contactPhone: 'contact',
  contactPreference: 'contact',
};
