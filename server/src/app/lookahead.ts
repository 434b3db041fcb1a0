// The look-ahead compiler's SQL shapes and direct roots register themselves on import (see `common/lookahead`).
import '../deliverables/deliverable.sql-shape.js';
import '../needs/need.sql-shape.js';
import '../organisations/organisation.sql-shape.js';
import '../partners/project-partner.sql-shape.js';
import '../pledges/pledge.sql-shape.js';
import '../projects/project.direct.js';
import '../projects/project.sql-shape.js';
