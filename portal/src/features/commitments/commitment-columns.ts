import type { CommitmentStatus } from '@/graphql/generated/graphql';

/** The board's three columns and the derived statuses each gathers (承诺 → 践诺 → 评诺). */
export const COMMITMENT_COLUMNS: ReadonlyArray<{ key: 'promise' | 'fulfil' | 'evaluate'; statuses: readonly CommitmentStatus[] }> = [
  { key: 'promise', statuses: ['OPEN', 'DUE_SOON', 'OVERDUE'] },
  { key: 'fulfil', statuses: ['FULFILLED'] },
  { key: 'evaluate', statuses: ['EVALUATED'] },
];

/** Element Plus tag colours by status: attention for what is late or close. */
export const STATUS_TAG_TYPE: Record<CommitmentStatus, 'info' | 'warning' | 'danger' | 'success' | 'primary'> = {
  OPEN: 'info',
  DUE_SOON: 'warning',
  OVERDUE: 'danger',
  FULFILLED: 'primary',
  EVALUATED: 'success',
};

/** A 4-decimal ratio from the API ("0.8333") as a whole percent, without JS float noise in the text. */
export function percent(ratio: string | null | undefined): string | null {
  if (ratio === null || ratio === undefined) {
    return null;
  }
  return `${(Math.round(Number(ratio) * 1000) / 10).toString()}%`;
}
