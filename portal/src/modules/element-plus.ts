// Components are imported per file (tree-shaken JS); the stylesheet is loaded once here,
// complete, so no component can render unstyled. See docs/adr/0007-portal-ui-library.md.
import 'element-plus/dist/index.css';
import { provideGlobalConfig } from 'element-plus';
import en from 'element-plus/es/locale/lang/en';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { computed } from 'vue';
import type { UserModule } from '@/types';
import { i18n } from './i18n';

export const install: UserModule = ({ app }) => {
  // Element Plus' own texts (pagination, date pickers, empty states) follow the app locale.
  const config = computed(() => ({ locale: i18n.global.locale.value === 'en' ? en : zhCn }));
  provideGlobalConfig(config, app, true);
};
