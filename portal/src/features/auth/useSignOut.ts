import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { useApolloClient } from '@/composables/useApolloClient';
import { useMutation } from '@/composables/useMutation';
import { SignOutDocument } from '@/graphql/generated/graphql';

export function useSignOut() {
  const client = useApolloClient();
  const router = useRouter();
  const { t } = useI18n();
  const { mutate, loading } = useMutation(SignOutDocument);

  async function signOut(): Promise<void> {
    const { ok } = await mutate();
    if (!ok) {
      ElMessage.error(t('common.error.generic'));
      return;
    }
    // Everything cached was read as the old person (e.g. unmasked phones): drop it all.
    await client.resetStore();
    await router.push({ name: 'home' });
  }

  return { signOut, loading };
}
