import type { RouteRecordRaw } from 'vue-router';
import AppLayout from '@/layouts/AppLayout.vue';

const PlaceholderPage = () => import('@/pages/PlaceholderPage.vue');

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/pages/HomePage.vue'),
        meta: { titleKey: 'nav.home' },
      },
      // Feature areas not built yet: routed, so navigation and guards can be exercised.
      { path: 'projects', name: 'projects', component: PlaceholderPage, meta: { titleKey: 'nav.projects' } },
      {
        path: 'tickets',
        name: 'tickets',
        component: PlaceholderPage,
        meta: { titleKey: 'nav.tickets', requiresAuth: true },
      },
      {
        path: 'grid',
        name: 'grid',
        component: PlaceholderPage,
        meta: { titleKey: 'nav.grid', roles: ['GRID_WORKER', 'REGION_ADMIN', 'PLATFORM_ADMIN'] },
      },
      {
        path: 'admin',
        name: 'admin',
        component: PlaceholderPage,
        meta: { titleKey: 'nav.admin', roles: ['REGION_ADMIN', 'PLATFORM_ADMIN'] },
      },
      {
        path: 'signin',
        name: 'signin',
        component: () => import('@/features/auth/SignInPage.vue'),
        meta: { titleKey: 'auth.signIn.title' },
      },
      {
        path: 'signup',
        name: 'signup',
        component: () => import('@/features/auth/SignUpPage.vue'),
        meta: { titleKey: 'auth.signUp.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/pages/NotFoundPage.vue'),
        meta: { titleKey: 'notFound.title' },
      },
    ],
  },
];
