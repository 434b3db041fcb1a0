import { apolloClientKey } from '@/graphql/apollo-client-key';
import { createApolloClient } from '@/graphql/client';
import type { UserModule } from '@/types';

export const install: UserModule = ({ app }) => {
  app.provide(apolloClientKey, createApolloClient());
};
