import { useApolloClient } from '@/composables/useApolloClient';
import { RegionChildrenDocument, RegionTreeRootDocument, type RegionLevel } from '@/graphql/generated/graphql';

/** A region as lazy trees and cascaders need it. */
export interface RegionTreeItem {
  id: string;
  name: string;
  level: RegionLevel;
  /** No child regions: nothing to expand. */
  leaf: boolean;
}

function toItem(region: { id: string; name: string; level: RegionLevel; children: readonly unknown[] }): RegionTreeItem {
  return { id: region.id, name: region.name, level: region.level, leaf: region.children.length === 0 };
}

/**
 * Loads the region tree one level at a time (the whole tree has thousands of grids).
 * Results come from the Apollo cache after the first visit. Rejects on network or
 * server errors, so callers can show that the branch failed to load.
 */
export function useRegionTreeLoader() {
  const client = useApolloClient();

  async function loadRoots(): Promise<RegionTreeItem[]> {
    const { data } = await client.query({ query: RegionTreeRootDocument });
    return (data?.regions.nodes ?? []).map(toItem);
  }

  async function loadChildren(parentId: string): Promise<RegionTreeItem[]> {
    const items: RegionTreeItem[] = [];
    let after: string | null = null;
    // A township has dozens of villages; pages of 100 keep even the largest parent to a request or two.
    for (;;) {
      const { data }: Awaited<ReturnType<typeof queryPage>> = await queryPage(parentId, after);
      const page = data?.regions;
      items.push(...(page?.nodes ?? []).map(toItem));
      if (!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor) {
        return items;
      }
      after = page.pageInfo.endCursor;
    }
  }

  function queryPage(parentId: string, after: string | null) {
    return client.query({ query: RegionChildrenDocument, variables: { parentId, after } });
  }

  return { loadRoots, loadChildren };
}
