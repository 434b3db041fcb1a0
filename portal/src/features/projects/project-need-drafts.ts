import type { UserErrorLike } from '@/composables/useMutation';
import { emptyNeedForm, type NeedFormModel } from '@/features/needs/need-form';

/** A need typed in the wizard's step 3, created after the project; `created` once the API took it. */
export interface NeedDraft {
  key: number;
  form: NeedFormModel;
  created: boolean;
  errors: UserErrorLike[];
}

let nextKey = 0;

export function newNeedDraft(): NeedDraft {
  nextKey += 1;
  return { key: nextKey, form: emptyNeedForm(), created: false, errors: [] };
}
