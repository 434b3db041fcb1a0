import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** Every time is shown as local time where the platform is used, whatever the browser's own zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/**
 * Formats the API's ISO-8601 instants (`DateTime`) for people, in Asia/Shanghai and the current
 * language. Null or unparsable values give an empty string, so templates need no guards.
 */
export function useDateTimeFormat() {
  const { locale } = useI18n();
  const dateTime = computed(
    () =>
      new Intl.DateTimeFormat(locale.value, {
        timeZone: DISPLAY_TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }),
  );
  const date = computed(
    () => new Intl.DateTimeFormat(locale.value, { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );

  function format(formatter: Intl.DateTimeFormat, value: string | null | undefined): string {
    if (!value) {
      return '';
    }
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? '' : formatter.format(instant);
  }

  return {
    formatDateTime: (value: string | null | undefined) => format(dateTime.value, value),
    formatDate: (value: string | null | undefined) => format(date.value, value),
  };
}
