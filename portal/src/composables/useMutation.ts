import type { ErrorLike, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { toErrorLike } from '@apollo/client/errors';
import { shallowRef } from 'vue';
import type { UserErrorCode } from '@/graphql/generated/graphql';
import { useApolloClient } from './useApolloClient';

/** The shape every payload's `userErrors` shares (see CONVENTIONS 6.3). */
export interface UserErrorLike {
  code: UserErrorCode;
  field?: ReadonlyArray<string> | null;
  message: string;
}

export interface MutateOutcome<TData> {
  data: TData | undefined;
  /** True when the server answered without top-level errors and without userErrors. */
  ok: boolean;
}

/** Payloads are one level below the mutation root: `{ signIn: { userErrors } }`. */
function collectUserErrors(data: unknown): UserErrorLike[] {
  if (!data || typeof data !== 'object') {
    return [];
  }
  return Object.values(data).flatMap((payload: unknown) => {
    const errors = (payload as { userErrors?: unknown } | null)?.userErrors;
    return Array.isArray(errors) ? (errors as UserErrorLike[]) : [];
  });
}

/**
 * Two error channels (GitLab style): `userErrors` are problems the person can fix and are
 * shown next to the form; `topLevelError` covers bugs, network and auth failures and must
 * only ever be shown as a generic translated message.
 */
export function useMutation<TData, TVariables extends OperationVariables>(mutation: TypedDocumentNode<TData, TVariables>) {
  const client = useApolloClient();
  const loading = shallowRef(false);
  const userErrors = shallowRef<UserErrorLike[]>([]);
  const topLevelError = shallowRef<ErrorLike>();

  async function mutate(variables?: TVariables): Promise<MutateOutcome<TData>> {
    loading.value = true;
    userErrors.value = [];
    topLevelError.value = undefined;
    try {
      // The VariablesOption conditional type cannot be resolved for a generic TVariables.
      const result = await client.mutate<TData, TVariables>({
        mutation,
        variables,
      } as Parameters<typeof client.mutate<TData, TVariables>>[0]);
      const data = result.data as TData | undefined;
      userErrors.value = collectUserErrors(data);
      return { data, ok: data !== undefined && userErrors.value.length === 0 };
    } catch (error) {
      topLevelError.value = toErrorLike(error);
      return { data: undefined, ok: false };
    } finally {
      loading.value = false;
    }
  }

  return { mutate, loading, userErrors, topLevelError };
}
