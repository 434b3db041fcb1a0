import type { DemandCategory } from '@/graphql/generated/graphql';
import { CATEGORY_ICONS, type IconShape } from './demand-icons';

/** The categories a resident chooses from, in the order of the submit form (the most frequent hotline topics first, "other" last). */
export const DEMAND_CATEGORIES: readonly { value: DemandCategory }[] = [
  { value: 'ROADS_FACILITIES' },
  { value: 'ENVIRONMENT_SANITATION' },
  { value: 'ELDERLY_CARE' },
  { value: 'CHILDCARE' },
  { value: 'HEALTH' },
  { value: 'SAFETY' },
  { value: 'NEIGHBOUR_DISPUTE' },
  { value: 'LEGAL_HELP' },
  { value: 'EMPLOYMENT' },
  { value: 'CULTURE' },
  { value: 'OTHER' },
];

/** The icon of a category, which reads without words. */
export function categoryIcon(category: DemandCategory): IconShape {
  return CATEGORY_ICONS[category];
}
