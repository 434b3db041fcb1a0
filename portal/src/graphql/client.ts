import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { SessionWatch } from './session-watch';
import { typePolicies } from './type-policies';

/** Same origin as the page: the dev/preview server and production proxy /graphql (also WS). */
function graphqlWsUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/graphql`;
}

/** `sessionWatch` hears every operation the server refuses as UNAUTHENTICATED (see SessionWatch). */
export function createApolloClient(sessionWatch = new SessionWatch()): ApolloClient {
  // Lazy: the socket opens on the first subscription only, so plain pages never hold one.
  const wsClient = createClient({ url: graphqlWsUrl(window.location), lazy: true });
  // The session is an httpOnly cookie; the browser sends it itself, we never touch tokens.
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const link = ApolloLink.from([
    sessionWatch.link,
    ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(wsClient), httpLink),
  ]);
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies }),
    devtools: { enabled: import.meta.env.DEV },
  });
  // resetStore() is how we signal "the signed-in identity changed". The socket authenticated
  // with the old cookie, so drop it; live subscriptions reconnect with the new one.
  client.onResetStore(async () => wsClient.terminate());
  return client;
}
