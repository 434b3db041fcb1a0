import type { TypePolicies } from '@apollo/client';

export const typePolicies: TypePolicies = {
  // Viewer has no id; there is only ever one, so store it as a singleton instead of
  // replacing an unnormalised object (which loses data and warns).
  Viewer: { keyFields: [] },
};
