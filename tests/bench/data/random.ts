import { creditCodeCheckCharacter } from '@gongzhi/server/src/common/validation/credit-code.js';

/**
 * A small seeded generator (mulberry32): the same seed gives the same data set on every machine, so
 * figures measured on one data set can be reproduced elsewhere.
 */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count >= items.length) {
      return [...items];
    }
    const chosen = new Set<number>();
    while (chosen.size < count) {
      chosen.add(Math.floor(this.next() * items.length));
    }
    return [...chosen].map((index) => items[index]!);
  }
  /** Picks by weight: `weighted([['A', 3], ['B', 1]])` gives A three times as often as B. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    return entries[entries.length - 1]![0];
  }
}

/**
 * Deterministic ids: the table's tag and the row number, laid out as a version-7-shaped UUID so they
 * look like the server's own. Ids ascend with the row number, like time-ordered UUIDv7.
 */
export function benchUuid(tag: number, row: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(tag, 8)}-0000-7000-8000-${hex(row, 12)}`;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code, unique per `serial` (its 9-character body is `serial` in base 31). */
export function creditCode(prefix: '91' | '52' | '11' | '54', divisionCode: string, serial: number): string {
  let body = '';
  let rest = serial;
  for (let index = 0; index < 9; index += 1) {
    body = CREDIT_ALPHABET[rest % 31]! + body;
    rest = Math.floor(rest / 31);
  }
  const first17 = `${prefix}${divisionCode.slice(0, 6)}${body}`;
  return first17 + creditCodeCheckCharacter(first17)!;
}
