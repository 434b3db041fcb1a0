import type {
  DemocraticParty,
  OrganisationCreateInput,
  OrganisationKind,
  OrganisationSubtype,
  OrganisationUpdateInput,
} from '@/graphql/generated/graphql';
import type { OrganisationOption } from './OrganisationSelect.vue';

/** What the registration and edit forms hold; text fields are strings, empty meaning "none". */
export interface OrganisationFormModel {
  name: string;
  kind: OrganisationKind | null;
  subtype: OrganisationSubtype | null;
  democraticParty: DemocraticParty | null;
  regionId: string | null;
  parentId: string | null;
  /** Label of the current parent, which the search select cannot know by itself. */
  parent: OrganisationOption | null;
  creditCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
  address: string;
}

/** The form fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type OrganisationFormField =
  | 'name'
  | 'kind'
  | 'subtype'
  | 'democraticParty'
  | 'regionId'
  | 'parentId'
  | 'creditCode'
  | 'description'
  | 'contactName'
  | 'contactPhone'
  | 'address';

export const ORGANISATION_FORM_FIELDS: Readonly<Record<OrganisationFormField, OrganisationFormField>> = {
  name: 'name',
  kind: 'kind',
  subtype: 'subtype',
  democraticParty: 'democraticParty',
  regionId: 'regionId',
  parentId: 'parentId',
  creditCode: 'creditCode',
  description: 'description',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  address: 'address',
};

export function emptyOrganisationForm(): OrganisationFormModel {
  return {
    name: '',
    kind: null,
    subtype: null,
    democraticParty: null,
    regionId: null,
    parentId: null,
    parent: null,
    creditCode: '',
    description: '',
    contactName: '',
    contactPhone: '',
    address: '',
  };
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The fields both inputs share: every field is sent, so an emptied field is cleared (null). */
function profileInput(form: OrganisationFormModel) {
  return {
    name: form.name.trim(),
    subtype: form.subtype,
    democraticParty: form.democraticParty,
    parentId: form.parentId,
    creditCode: text(form.creditCode)?.toUpperCase() ?? null,
    description: text(form.description),
    contactName: text(form.contactName),
    contactPhone: text(form.contactPhone),
    address: text(form.address),
  };
}

/** Validated by the form first, so kind and region are set; the server checks them again. */
export function toCreateInput(form: OrganisationFormModel): OrganisationCreateInput {
  return { ...profileInput(form), kind: form.kind as OrganisationKind, regionId: form.regionId ?? '' };
}

export function toUpdateInput(form: OrganisationFormModel): OrganisationUpdateInput {
  return { ...profileInput(form), regionId: form.regionId };
}
