import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

export const typePolicies: TypePolicies = {
  // Viewer has no id; there is only ever one, so store it as a singleton instead of
  // replacing an unnormalised object (which loses data and warns).
  Viewer: { keyFields: [] },
  Query: {
    fields: {
      // "Load more" appends pages (fetchMore with `after`); a fetch without `after` starts the list afresh.
      // Read through `edges`: relayStylePagination does not merge `nodes`.
      organisations: relayStylePagination(['filter']),
      projects: relayStylePagination(['filter', 'orderBy']),
      demands: relayStylePagination(['filter']),
      serviceOfferings: relayStylePagination(['filter']),
    },
  },
  Organisation: {
    fields: {
      members: relayStylePagination(),
      // "My pledges" loads further pages of one organisation with a separate query.
      pledges: relayStylePagination(['filter']),
      // The organisation's 服务清单 on its page.
      serviceOfferings: relayStylePagination(),
    },
  },
  Project: {
    fields: {
      // The timeline: older entries are appended; live ones are shown by the page itself.
      activity: relayStylePagination(),
    },
  },
  Need: {
    fields: {
      pledges: relayStylePagination(),
    },
  },
};
