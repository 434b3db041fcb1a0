import { useI18n } from 'vue-i18n';
import type { UserErrorLike } from './useMutation';

/**
 * Translates a userError by its code, never by the server's English `message`.
 * With a scope, `<scope>.errors.<CODE>` overrides the shared `errors.<CODE>` where the
 * context needs a more precise sentence (e.g. ALREADY_EXISTS on sign-up); with a form field
 * as well, `<scope>.fieldErrors.<field>.<CODE>` says exactly what is wrong with that field
 * (e.g. ALREADY_EXISTS on a credit code vs. on a name).
 */
export function useUserErrorMessage(scope?: string) {
  const { t, te } = useI18n();
  return (error: Pick<UserErrorLike, 'code'>, field?: string): string => {
    const keys = [
      scope && field ? `${scope}.fieldErrors.${field}.${error.code}` : null,
      scope ? `${scope}.errors.${error.code}` : null,
      `errors.${error.code}`,
    ];
    const key = keys.find((candidate): candidate is string => candidate !== null && te(candidate));
    return t(key ?? 'common.error.generic');
  };
}
