import { ElMessage } from 'element-plus';
import { inject, onScopeDispose } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { useApolloClient } from '@/composables/useApolloClient';
import { ViewerDocument } from '@/graphql/generated/graphql';
import { sessionWatchKey } from '@/graphql/session-watch';

/**
 * When the server stops recognising the session of someone the portal shows as signed in (they
 * signed out in another tab, it expired, an administrator ended it), say so and show the portal as
 * it now is: signed out. A page only signed-in people may open sends them to sign in, and back after;
 * everything cached as that person (unmasked phones…) is dropped.
 *
 * "Shows as signed in" is read from the cache, not from the viewer query's last result: the portal's
 * own sign-out and account deletion empty the cache first, so their signed-out answers are no news,
 * and neither is a signed-out visitor refused a private field.
 */
export function useSessionEndNotice(): void {
  const sessionWatch = inject(sessionWatchKey, null);
  const client = useApolloClient();
  const router = useRouter();
  const { t } = useI18n();
  let ending = false;

  const believedSignedIn = () => Boolean(client.readQuery({ query: ViewerDocument })?.viewer?.person);

  async function sessionEnded(): Promise<void> {
    if (ending || !believedSignedIn()) {
      return;
    }
    ending = true;
    try {
      ElMessage.warning({ message: t('auth.sessionEnded'), duration: 10_000, showClose: true, customClass: 'session-ended-notice' });
      const route = router.currentRoute.value;
      if (route.meta.requiresAuth || route.meta.roles || route.meta.capability) {
        // Before the store is reset, so the private page does not refetch as nobody first.
        await router.replace({ name: 'signin', query: { redirect: route.fullPath } });
      }
      // Refetches the viewer (now nobody) and every page query; the socket reconnects without the cookie.
      await client.resetStore();
    } finally {
      ending = false;
    }
  }

  const stop = sessionWatch?.onSignedOutAnswer(() => void sessionEnded());
  onScopeDispose(() => stop?.());
}
