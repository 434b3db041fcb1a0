import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { useMutation } from '@/composables/useMutation';
import { useUserErrorMessage } from '@/composables/useUserErrorMessage';

/**
 * For one-click actions (accept, withdraw, confirm…) that have no form to hold errors: runs the
 * mutation and tells the person the outcome in a message, the first userError by its translated
 * code (and field, e.g. `<scope>.fieldErrors.reason.REQUIRED`) and anything else only as the
 * generic text. Resolves to the data on success only.
 */
export function useMutationFeedback<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  scope?: string,
) {
  const { t } = useI18n();
  const { mutate, loading, userErrors } = useMutation(document);
  const message = useUserErrorMessage(scope);

  async function run(variables: TVariables, success?: string): Promise<TData | undefined> {
    const { ok, data } = await mutate(variables);
    if (ok) {
      if (success) {
        ElMessage.success(success);
      }
      return data;
    }
    const first = userErrors.value[0];
    ElMessage.error(first ? message(first, first.field?.at(-1)) : t('common.error.generic'));
    return undefined;
  }

  return { run, loading };
}
