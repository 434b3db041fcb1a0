import type { ApolloClient } from '@apollo/client';
import { ViewerDocument } from '@/graphql/generated/graphql';
import type { ViewerPerson } from './useViewer';

/**
 * For code outside components (route guards). Served from the cache that the app-wide
 * viewer query fills; a failed request counts as signed out, the page then explains.
 */
export async function fetchViewerPerson(client: ApolloClient): Promise<ViewerPerson | null> {
  try {
    const result = await client.query({ query: ViewerDocument });
    return result.data?.viewer?.person ?? null;
  } catch {
    return null;
  }
}
