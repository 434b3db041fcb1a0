import type { RouteRecordRaw } from 'vue-router';
import AppLayout from '@/layouts/AppLayout.vue';

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
      {
        path: 'projects',
        name: 'projects',
        component: () => import('@/features/projects/ProjectListPage.vue'),
        meta: { titleKey: 'nav.projects' },
      },
      {
        path: 'projects/new',
        name: 'project-create',
        component: () => import('@/features/projects/ProjectWizardPage.vue'),
        meta: { titleKey: 'nav.newProject', capability: 'canLeadProjects' },
      },
      {
        path: 'projects/:id',
        name: 'project',
        component: () => import('@/features/projects/ProjectPage.vue'),
        meta: { titleKey: 'projects.page.title' },
      },
      {
        path: 'projects/:id/edit',
        name: 'project-edit',
        component: () => import('@/features/projects/ProjectWizardPage.vue'),
        meta: { titleKey: 'projects.wizard.editTitle', requiresAuth: true },
      },
      {
        path: 'me/pledges',
        name: 'my-pledges',
        component: () => import('@/features/pledges/MyPledgesPage.vue'),
        meta: { titleKey: 'nav.myPledges', capability: 'isOrganisationMember' },
      },
      // Residents' demands (群众点单): submit and follow (residents), route (grid workers), handle
      // (organisations), report (region admins); and the service list they are matched against.
      {
        path: 'demands/new',
        name: 'demand-submit',
        component: () => import('@/features/demands/DemandSubmitPage.vue'),
        meta: { titleKey: 'nav.demandSubmit', requiresAuth: true },
      },
      {
        path: 'demands/mine',
        name: 'demand-mine',
        component: () => import('@/features/demands/MyDemandsPage.vue'),
        meta: { titleKey: 'nav.demandMine', requiresAuth: true },
      },
      {
        path: 'demands/assigned',
        name: 'demand-assigned',
        component: () => import('@/features/demands/AssignedDemandsPage.vue'),
        meta: { titleKey: 'nav.demandAssigned', capability: 'isOrganisationMember' },
      },
      {
        path: 'demands/metrics',
        name: 'demand-metrics',
        component: () => import('@/features/demands/DemandMetricsPage.vue'),
        meta: { titleKey: 'nav.demandMetrics', roles: ['REGION_ADMIN', 'PLATFORM_ADMIN'] },
      },
      {
        path: 'demands/:id',
        name: 'demand',
        component: () => import('@/features/demands/DemandTicketPage.vue'),
        meta: { titleKey: 'demands.ticket.title' },
      },
      {
        path: 'grid',
        name: 'grid',
        component: () => import('@/features/demands/GridWorkbenchPage.vue'),
        meta: { titleKey: 'nav.grid', roles: ['GRID_WORKER', 'REGION_ADMIN', 'PLATFORM_ADMIN'] },
      },
      {
        path: 'offerings',
        name: 'offerings',
        component: () => import('@/features/offerings/ServiceOfferingListPage.vue'),
        meta: { titleKey: 'nav.offerings' },
      },
      // Volunteering (志愿服务): activities and shifts, rosters for coordinators, the volunteer's own record.
      {
        path: 'volunteering',
        name: 'volunteering',
        component: () => import('@/features/volunteering/VolunteerActivityListPage.vue'),
        meta: { titleKey: 'nav.volunteering' },
      },
      {
        path: 'volunteering/new',
        name: 'volunteering-create',
        component: () => import('@/features/volunteering/VolunteerActivityCreatePage.vue'),
        meta: { titleKey: 'volunteering.create.title', capability: 'isOrganisationMember' },
      },
      {
        path: 'volunteering/activities/:id',
        name: 'volunteer-activity',
        component: () => import('@/features/volunteering/VolunteerActivityPage.vue'),
        meta: { titleKey: 'volunteering.activity.title' },
      },
      {
        path: 'volunteering/shifts/:id',
        name: 'shift-roster',
        component: () => import('@/features/volunteering/ShiftRosterPage.vue'),
        meta: { titleKey: 'volunteering.roster.title', requiresAuth: true },
      },
      {
        path: 'volunteering/points',
        name: 'volunteer-points',
        component: () => import('@/features/volunteering/VolunteerPointsRulePage.vue'),
        meta: { titleKey: 'nav.volunteerPoints', capability: 'canConfigureVolunteerPoints' },
      },
      {
        path: 'me/volunteering',
        name: 'my-volunteering',
        component: () => import('@/features/volunteering/MyVolunteeringPage.vue'),
        meta: { titleKey: 'nav.myVolunteering', requiresAuth: true },
      },
      {
        path: 'me/volunteering/certificate',
        name: 'my-volunteering-certificate',
        component: () => import('@/features/volunteering/ServiceCertificatePage.vue'),
        meta: { titleKey: 'volunteering.certificate.title', requiresAuth: true },
      },
      // Party-branch commitments (承诺—践诺—评诺) and the committee's view across branches.
      {
        path: 'commitments',
        name: 'commitments',
        component: () => import('@/features/commitments/CommitmentBoardPage.vue'),
        meta: { titleKey: 'nav.commitments' },
      },
      {
        path: 'commitments/dashboard',
        name: 'commitment-dashboard',
        component: () => import('@/features/commitments/CommitmentDashboardPage.vue'),
        meta: { titleKey: 'nav.commitmentDashboard', capability: 'isOrganisationMember' },
      },
      // 区域看板: co-governance totals of a region subtree, for its administrators.
      {
        path: 'dashboard',
        name: 'region-dashboard',
        component: () => import('@/features/dashboard/RegionDashboardPage.vue'),
        meta: { titleKey: 'nav.regionDashboard', roles: ['REGION_ADMIN', 'PLATFORM_ADMIN'] },
      },
      // The administration area so far is the verification queue.
      { path: 'admin', name: 'admin', redirect: { name: 'verification' } },
      {
        path: 'admin/verification',
        name: 'verification',
        component: () => import('@/features/verification/VerificationQueuePage.vue'),
        meta: { titleKey: 'nav.verification', capability: 'canVerifyOrganisations' },
      },
      {
        path: 'regions',
        name: 'regions',
        component: () => import('@/features/regions/RegionTreePage.vue'),
        meta: { titleKey: 'nav.regions' },
      },
      {
        path: 'organisations',
        name: 'organisations',
        component: () => import('@/features/organisations/OrganisationDirectoryPage.vue'),
        meta: { titleKey: 'nav.organisations' },
      },
      {
        path: 'organisations/new',
        name: 'organisation-create',
        component: () => import('@/features/organisations/OrganisationCreatePage.vue'),
        meta: { titleKey: 'organisations.create.title', requiresAuth: true },
      },
      {
        path: 'organisations/:id',
        name: 'organisation',
        component: () => import('@/features/organisations/OrganisationPage.vue'),
        meta: { titleKey: 'organisations.page.title' },
      },
      {
        path: 'me',
        name: 'profile',
        component: () => import('@/features/profile/ProfilePage.vue'),
        meta: { titleKey: 'nav.profile', requiresAuth: true },
      },
      {
        path: 'me/organisations',
        name: 'my-organisations',
        component: () => import('@/features/memberships/MyOrganisationsPage.vue'),
        meta: { titleKey: 'nav.myOrganisations', requiresAuth: true },
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
