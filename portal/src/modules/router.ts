import { createRouter, createWebHistory } from 'vue-router';
import { installGuards } from '@/router/guards';
import { routes } from '@/router/routes';
import type { UserModule } from '@/types';

const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

installGuards(router);

export const install: UserModule = ({ app }) => {
  app.use(router);
};
