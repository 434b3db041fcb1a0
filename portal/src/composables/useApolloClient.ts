import type { ApolloClient } from '@apollo/client';
import { inject } from 'vue';
import { apolloClientKey } from '@/graphql/apollo-client-key';

export function useApolloClient(): ApolloClient {
  const client = inject(apolloClientKey, null);
  if (!client) {
    throw new Error('useApolloClient: no ApolloClient provided (install src/modules/apollo.ts)');
  }
  return client;
}
