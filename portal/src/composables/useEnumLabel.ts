import { useI18n } from 'vue-i18n';

/**
 * Chinese (or English) label of a GraphQL enum value: `enums.<EnumName>.<VALUE>`.
 * `pnpm run locales:check` makes sure every value in the schema has one; the raw value is
 * only a last resort for a schema newer than the portal.
 */
export function useEnumLabel() {
  const { t, te } = useI18n();
  return (enumName: string, value: string): string => {
    const key = `enums.${enumName}.${value}`;
    return te(key) ? t(key) : value;
  };
}
