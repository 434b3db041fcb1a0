import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, messages, readStoredLocale, storeLocale, type AppLocale } from '@/locales';
import type { UserModule } from '@/types';

export const i18n = createI18n({
  legacy: false,
  locale: readStoredLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
});

/** Whoever changes the locale (the header switch, a test), it is persisted and announced. */
watch(
  i18n.global.locale,
  (locale) => {
    storeLocale(locale as AppLocale);
    document.documentElement.lang = locale;
  },
  { immediate: true },
);

export const install: UserModule = ({ app }) => {
  app.use(i18n);
};
