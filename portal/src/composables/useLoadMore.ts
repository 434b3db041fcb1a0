import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * "Load more" for a Relay connection shown with `useQuery`: fetches the page after `endCursor()` and
 * lets the cache's pagination policy append it. A failure shows the generic translated message.
 */
export function useLoadMore(endCursor: () => string | null | undefined, fetchMore: (after: string) => Promise<unknown>) {
  const { t } = useI18n();
  const loadingMore = ref(false);

  async function loadMore(): Promise<void> {
    const after = endCursor();
    if (!after) {
      return;
    }
    loadingMore.value = true;
    try {
      await fetchMore(after);
    } catch {
      ElMessage.error(t('common.error.generic'));
    } finally {
      loadingMore.value = false;
    }
  }

  return { loadingMore, loadMore };
}
