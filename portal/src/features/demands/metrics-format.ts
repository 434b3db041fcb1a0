/**
 * Figures for people. The satisfaction rate arrives as an exact decimal string ("0.8571"); it is
 * turned into a percentage by moving the decimal point in the text, never through a float.
 */
export function ratePercent(rate: string | null | undefined): string | null {
  if (!rate || !/^\d+(\.\d+)?$/.test(rate)) {
    return null;
  }
  const [whole, fraction = ''] = rate.split('.');
  const digits = `${whole}${fraction.padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d)/, '').padStart(3, '0');
  const percent = `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.?0+$/, '');
  return `${percent}%`;
}

/** The share of a count in another (on-time responses of those received), one decimal; null when there is nothing to share. */
export function sharePercent(part: number, whole: number): string | null {
  if (whole <= 0) {
    return null;
  }
  return `${Math.round((part * 1000) / whole) / 10}%`;
}

/** A bar's length in percent of the largest value (display only). */
export function barWidth(value: number | null, max: number): number {
  return value === null || max <= 0 ? 0 : Math.max(0, Math.min(100, (value / max) * 100));
}

/** A series of a bar chart (DemandMetricsBars): one bar per row. */
export interface BarSeries {
  key: string;
  label: string;
  /** A CSS colour. */
  color: string;
}

export interface BarRow {
  id: string;
  label: string;
  /** One value per series (null: nothing to show, e.g. no rating yet); `text` is how it is written. */
  values: { value: number | null; text: string }[];
}
