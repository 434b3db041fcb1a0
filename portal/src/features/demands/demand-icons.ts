import type { DemandCategory, DemandRating } from '@/graphql/generated/graphql';

/**
 * Line icons (24×24, drawn with the current colour) for the categories and the ratings: plain SVG,
 * so they look the same on every device (emoji fonts are missing on many desktops).
 * Each icon is a list of SVG elements: `path` data, or circles as [cx, cy, r].
 */
export interface IconShape {
  paths: readonly string[];
  circles?: readonly (readonly [number, number, number])[];
}

export const CATEGORY_ICONS: Readonly<Record<DemandCategory, IconShape>> = {
  // A street lamp.
  ROADS_FACILITIES: { paths: ['M6 21h6', 'M9 21V6a3 3 0 0 1 3-3h4', 'M16 3v3', 'M13 6h6l-1 3h-4z'] },
  // A rubbish bin.
  ENVIRONMENT_SANITATION: { paths: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13', 'M10 11v5', 'M14 11v5'] },
  // An old person with a cane.
  ELDERLY_CARE: { paths: ['M11 8v6l-3 7', 'M11 14l3 7', 'M11 10l4 2', 'M17 12v9'], circles: [[11, 4.5, 2]] },
  // A child's face.
  CHILDCARE: { paths: ['M9 14a3 3 0 0 0 6 0', 'M12 4c-1 0-2 1-1.5 2'], circles: [[12, 13, 8]] },
  // A medical cross.
  HEALTH: { paths: ['M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z', 'M12 8v8', 'M8 12h8'] },
  // A shield with a check mark.
  SAFETY: { paths: ['M12 3l7 3v6c0 4.5-3 7.5-7 9-4-1.5-7-4.5-7-9V6z', 'M9 12l2 2 4-4'] },
  // Two speech bubbles.
  NEIGHBOUR_DISPUTE: { paths: ['M3 4h11v8H8l-5 4z', 'M17 8h4v10l-4-3h-6v-3'] },
  // Scales.
  LEGAL_HELP: { paths: ['M12 4v16', 'M8 20h8', 'M5 7h14', 'M5 7l-3 6a3 3 0 0 0 6 0z', 'M19 7l-3 6a3 3 0 0 0 6 0z'] },
  // A briefcase.
  EMPLOYMENT: { paths: ['M5 7h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2z', 'M9 7V5h6v2', 'M3 13h18'] },
  // A music note.
  CULTURE: {
    paths: ['M9 18V5l11-2v13'],
    circles: [
      [6, 18, 3],
      [17, 16, 3],
    ],
  },
  // Three dots in a circle.
  OTHER: { paths: ['M8 12h.01', 'M12 12h.01', 'M16 12h.01'], circles: [[12, 12, 9]] },
};

export const RATING_ICONS: Readonly<Record<DemandRating, IconShape>> = {
  SATISFIED: { paths: ['M8 14a4 4 0 0 0 8 0', 'M9 9h.01', 'M15 9h.01'], circles: [[12, 12, 9]] },
  PARTLY: { paths: ['M8.5 15h7', 'M9 9h.01', 'M15 9h.01'], circles: [[12, 12, 9]] },
  UNSATISFIED: { paths: ['M8 16a4 4 0 0 1 8 0', 'M9 9h.01', 'M15 9h.01'], circles: [[12, 12, 9]] },
};
