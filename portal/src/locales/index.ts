import en from './en.json';
import zhCN from './zh-CN.json';

/** Chinese first: zh-CN is the default and the fallback for any missing key. */
export const DEFAULT_LOCALE = 'zh-CN';
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];

export type MessageSchema = typeof zhCN;
// en.json must have exactly zh-CN's keys (scripts/check-locales.mjs also enforces it).
export const messages: Record<AppLocale, MessageSchema> = { 'zh-CN': zhCN, en };

const STORAGE_KEY = 'gongzhi.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return SUPPORTED_LOCALES.includes(value as AppLocale);
}

export function readStoredLocale(): AppLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be disabled (private mode, policies): just use the default.
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable; the switch still works for this visit.
  }
}
