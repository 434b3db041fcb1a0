/** What the pledge form holds; the quantity stays an exact decimal string. */
export interface PledgeFormModel {
  organisationId: string | null;
  quantity: string;
  note: string;
}

/** The form fields, named as the input fields the API reports errors on (`["input", "<field>"]`). */
export type PledgeFormField = 'organisationId' | 'quantity' | 'note';

export const PLEDGE_FORM_FIELDS: Readonly<Record<PledgeFormField, PledgeFormField>> = {
  organisationId: 'organisationId',
  quantity: 'quantity',
  note: 'note',
};
