import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The contract the server emits (`pnpm schema:emit`); CI checks both for drift.
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql', 'src/**/*.vue'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      config: {
        // Scalars arrive as JSON strings; exact decimals must never become JS floats.
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string' },
        strictScalars: true,
        // String unions instead of TS enums: erasable syntax, comparable with plain strings.
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
