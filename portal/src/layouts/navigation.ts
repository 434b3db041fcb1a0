/** Header menu entries, by route name; visibility comes from each route's meta. */
export const NAVIGATION_ROUTE_NAMES = ['home', 'projects', 'tickets', 'grid', 'admin'] as const;
