/**
 * Quantities and money arrive as exact decimal strings (the `Decimal` scalar, e.g. "50000.00").
 * They are formatted as text and never turned into floats for arithmetic; the only number made
 * from one is a percentage for display, from the server's own coverage ratio.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1234567.50" → "1,234,567.50" (digits grouped, decimals kept exactly as the server sent them). */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  const match = DECIMAL.exec(value.trim());
  if (!match) {
    return value;
  }
  const [, sign, whole, fraction] = match;
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "50000.00", "元" → "50,000.00 元". */
export function formatQuantity(value: string | null | undefined, unit: string): string {
  const amount = formatDecimal(value);
  return amount ? `${amount} ${unit}` : '';
}

/**
 * Whole percent of a coverage ratio ("0.7550" → 75), rounded down so that a need is never shown
 * as 100% before it is fully covered. May exceed 100 for oversubscribed needs.
 */
export function coveragePercent(coverage: string | null | undefined): number {
  const ratio = Number(coverage);
  return Number.isFinite(ratio) && ratio > 0 ? Math.floor(ratio * 100) : 0;
}

/** What the API takes as a quantity: positive, at most 2 decimals ("100", "0.5", "12.34"). */
export function isQuantity(value: string): boolean {
  return /^\d+(\.\d{1,2})?$/.test(value.trim()) && /[1-9]/.test(value);
}
