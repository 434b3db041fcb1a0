import type { ApolloClient } from '@apollo/client';
import { ViewerDocument, type ViewerQuery } from '@/graphql/generated/graphql';

/**
 * The viewer (person and capabilities) for code outside components (route guards). Served
 * from the cache that the app-wide viewer query fills; a failed request counts as signed
 * out, the page then explains.
 */
export async function fetchViewer(client: ApolloClient): Promise<ViewerQuery['viewer'] | null> {
  try {
    const result = await client.query({ query: ViewerDocument });
    return result.data?.viewer ?? null;
  } catch {
    return null;
  }
}
