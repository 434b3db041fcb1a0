import type { ApolloClient } from '@apollo/client';
import type { InjectionKey } from 'vue';

/** Injected rather than imported, so component tests can provide a mocked client. */
export const apolloClientKey: InjectionKey<ApolloClient> = Symbol('apolloClient');
