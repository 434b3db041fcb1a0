#!/usr/bin/env node
// Fails when a GraphQL enum value has no label, when zh-CN.json and en.json differ in
// their key sets, or when keys are not sorted. Enum values need `enums.<Enum>.<VALUE>`;
// UserErrorCode needs `errors.<VALUE>`. Plain Node, no dependencies: a regex pass over
// the SDL is enough.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const LOCALE_FILES = { 'zh-CN': here('../src/locales/zh-CN.json'), en: here('../src/locales/en.json') };
const SCHEMA_FILE = here('../../schema/schema.graphql');
const SKIPPED_ENUMS = new Set(['CacheControlScope']);

/** Dotted paths of every leaf in a nested message object. */
function leafKeys(node, prefix = '') {
  return Object.entries(node).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? leafKeys(value, path) : [path];
  });
}

/** Keys out of order (plain code-unit order, as `jsonc/sort-keys` with its defaults). */
function unsortedKeys(node, prefix = '') {
  const keys = Object.keys(node);
  const own = keys.some((key, i) => i > 0 && keys[i - 1] > key) ? [prefix || '(root)'] : [];
  return own.concat(
    keys.flatMap((key) =>
      node[key] !== null && typeof node[key] === 'object' ? unsortedKeys(node[key], prefix ? `${prefix}.${key}` : key) : [],
    ),
  );
}

/** { EnumName: [VALUE, ...] } from SDL text, ignoring descriptions, comments and directives. */
function enumsFromSdl(sdl) {
  const stripped = sdl
    .replace(/"""[\s\S]*?"""/g, ' ')
    .replace(/"(?:\\.|[^"\\])*"/g, ' ')
    .replace(/#[^\n]*/g, ' ');
  const enums = {};
  for (const [, name, body] of stripped.matchAll(/\benum\s+(\w+)[^{]*\{([^}]*)\}/g)) {
    if (name.startsWith('__') || SKIPPED_ENUMS.has(name)) {
      continue;
    }
    const values = body
      .replace(/@\w+(\s*\([^)]*\))?/g, ' ')
      .split(/[\s,]+/)
      .filter((word) => /^[_A-Za-z]\w*$/.test(word));
    enums[name] = [...(enums[name] ?? []), ...values]; // `extend enum` adds values
  }
  return enums;
}

const problems = [];
const keySets = {};
for (const [locale, file] of Object.entries(LOCALE_FILES)) {
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  keySets[locale] = new Set(leafKeys(messages));
  for (const path of unsortedKeys(messages)) {
    problems.push(`${locale}: keys not sorted under ${path}`);
  }
}

const schemaFile = existsSync(SCHEMA_FILE) ? SCHEMA_FILE : undefined;
if (schemaFile) {
  for (const [name, values] of Object.entries(enumsFromSdl(readFileSync(schemaFile, 'utf8')))) {
    for (const value of values) {
      const key = name === 'UserErrorCode' ? `errors.${value}` : `enums.${name}.${value}`;
      for (const [locale, keys] of Object.entries(keySets)) {
        if (!keys.has(key)) {
          problems.push(`${locale}: missing ${key}`);
        }
      }
    }
  }
} else {
  console.warn('check-locales: no schema found, checking locale key parity only');
}

const [[firstLocale, firstKeys], ...others] = Object.entries(keySets);
for (const [locale, keys] of others) {
  for (const key of firstKeys) {
    if (!keys.has(key)) {
      problems.push(`${locale}: missing ${key} (present in ${firstLocale})`);
    }
  }
  for (const key of keys) {
    if (!firstKeys.has(key)) {
      problems.push(`${firstLocale}: missing ${key} (present in ${locale})`);
    }
  }
}

const unique = [...new Set(problems)].sort();
if (unique.length > 0) {
  console.error(`check-locales: ${unique.length} problem(s)\n  ${unique.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-locales: OK (${firstKeys.size} keys per locale, schema: ${schemaFile ?? 'none'})`);
