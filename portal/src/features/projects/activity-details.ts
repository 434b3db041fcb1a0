/**
 * What a timeline entry says beyond its action, read from the entry's `after` snapshot (a JSON
 * object of the changed fields): the new status, a quantity, a title, a reason. Unknown or
 * malformed snapshots give nothing rather than raw text.
 */
export interface ActivityDetails {
  /** Enum name and value of a new status, e.g. ['ProjectStatus', 'ACTIVE']. */
  status?: { enumName: string; value: string };
  quantity?: string;
  title?: string;
  reason?: string;
}

/** The status enum of each subject type whose snapshot carries a `status`. */
const STATUS_ENUMS: Readonly<Record<string, string>> = {
  Project: 'ProjectStatus',
  Deliverable: 'DeliverableStatus',
  Pledge: 'PledgeStatus',
  ProjectPartner: 'ProjectPartnerStatus',
};

/** Actions whose point is the new status (a creation's status is implied by the action). */
const STATUS_ACTIONS = /\.(transitioned|updated)$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function activityDetails(entry: {
  action: string;
  subjectType: string;
  before?: string | null;
  after?: string | null;
}): ActivityDetails {
  let after: Record<string, unknown>;
  let before: Record<string, unknown> = {};
  try {
    after = entry.after ? (JSON.parse(entry.after) as Record<string, unknown>) : {};
    before = entry.before ? (JSON.parse(entry.before) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
  if (!after || typeof after !== 'object') {
    return {};
  }
  const details: ActivityDetails = {};
  const enumName = STATUS_ENUMS[entry.subjectType];
  const status = text(after.status);
  if (enumName && status && STATUS_ACTIONS.test(entry.action) && status !== before.status) {
    details.status = { enumName, value: status };
  }
  const quantity = text(after.quantity);
  if (quantity && (entry.action.endsWith('.created') || entry.action.endsWith('.recorded') || quantity !== before.quantity)) {
    details.quantity = quantity;
  }
  details.title = entry.action.endsWith('.created') ? (text(after.title) ?? text(after.description)) : undefined;
  details.reason = text(after.reason) ?? (details.status ? text(after.statusReason) : undefined);
  return details;
}
