import { apolloClientKey } from '@/graphql/apollo-client-key';
import { createApolloClient } from '@/graphql/client';
import { SessionWatch, sessionWatchKey } from '@/graphql/session-watch';
import type { UserModule } from '@/types';

export const install: UserModule = ({ app }) => {
  const sessionWatch = new SessionWatch();
  app.provide(sessionWatchKey, sessionWatch);
  app.provide(apolloClientKey, createApolloClient(sessionWatch));
};
