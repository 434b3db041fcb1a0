/**
 * Header menu, by route name; visibility comes from each route's meta. Features are grouped into a few
 * sections so the header never overflows: a section with one visible entry shows as a plain item, a
 * section with several as a sub-menu titled by `labelKey`.
 */
export const NAVIGATION_SECTIONS = [
  { key: 'home', labelKey: 'nav.home', routes: ['home'] },
  { key: 'projects', labelKey: 'nav.sections.projects', routes: ['projects', 'project-create'] },
  {
    key: 'demands',
    labelKey: 'nav.sections.demands',
    routes: ['demand-submit', 'demand-mine', 'grid', 'demand-assigned', 'demand-metrics', 'offerings'],
  },
  {
    key: 'volunteering',
    labelKey: 'nav.sections.volunteering',
    routes: ['volunteering', 'volunteer-points', 'commitments', 'commitment-dashboard'],
  },
  { key: 'directory', labelKey: 'nav.sections.directory', routes: ['organisations', 'regions'] },
  { key: 'admin', labelKey: 'nav.sections.admin', routes: ['region-dashboard', 'verification'] },
] as const;

/** Every route the header menu can show, in order. */
export const NAVIGATION_ROUTE_NAMES = NAVIGATION_SECTIONS.flatMap((section) => section.routes);

/** Entries of the signed-in person's own menu (under their name in the header), by route name. */
export const USER_MENU_ROUTE_NAMES = ['profile', 'my-organisations', 'my-pledges', 'my-volunteering'] as const;
