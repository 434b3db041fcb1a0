import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';

/** Keeps <title> in step with the route and the language. */
export function useDocumentTitle(): void {
  const route = useRoute();
  const { t } = useI18n();
  watchEffect(() => {
    const titleKey = route.meta.titleKey;
    document.title = titleKey ? t('app.documentTitle', { page: t(titleKey) }) : t('app.brand');
  });
}
