import { computed, type Ref } from 'vue';
import type { UserErrorLike } from './useMutation';
import { useUserErrorMessage } from './useUserErrorMessage';

/**
 * Splits userErrors into per-form-field messages and the rest (shown above the form).
 * `fieldMap` maps the last segment of `error.field` (e.g. ["input", "phone"]) to a form
 * field, so several input fields can land on one form item.
 */
export function useFieldErrors<TField extends string>(
  userErrors: Ref<readonly UserErrorLike[]>,
  fieldMap: Readonly<Record<string, TField>>,
  scope?: string,
) {
  const message = useUserErrorMessage(scope);

  function formFieldOf(error: UserErrorLike): TField | undefined {
    const last = error.field?.at(-1);
    return last === undefined ? undefined : fieldMap[last];
  }

  /** Undefined when the field has no error, so ElFormItem's `error` prop stays clear. */
  function fieldError(field: TField): string | undefined {
    const messages = userErrors.value.filter((e) => formFieldOf(e) === field).map((e) => message(e, field));
    return messages.length > 0 ? messages.join(' ') : undefined;
  }

  const formErrors = computed(() => userErrors.value.filter((e) => formFieldOf(e) === undefined).map((e) => message(e)));

  return { fieldError, formErrors };
}
