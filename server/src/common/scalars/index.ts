import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** An instant, serialised as ISO-8601 in UTC (the portal shows it in Asia/Shanghai). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, as an ISO-8601 string in UTC, e.g. 2026-11-21T08:30:00.000Z',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) {
      throw new GraphQLError('DateTime cannot represent an invalid date');
    }
    return date.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw invalid('DateTime must be an ISO-8601 string');
    }
    return parseDateTime(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw invalid('DateTime must be an ISO-8601 string with a time zone, e.g. 2026-11-21T08:30:00+08:00');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw invalid(`DateTime "${value}" is not a real instant`);
  }
  return date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day without a time, as YYYY-MM-DD (a due date is a day in China, not an instant). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, as YYYY-MM-DD',
  serialize(value) {
    if (value instanceof Date) {
      return value.toISOString().slice(0, 10);
    }
    return String(value).slice(0, 10);
  },
  parseValue(value) {
    return parseDay(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw invalid('Date must be a YYYY-MM-DD string');
    }
    return parseDay(ast.value);
  },
});

function parseDay(value: unknown): string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) {
    throw invalid('Date must be a YYYY-MM-DD string');
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) {
    throw invalid(`Date "${String(value)}" is not a real calendar day`);
  }
  return value as string;
}

const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;

/**
 * An exact decimal (quantities, money in yuan), carried as a string so no float ever rounds it.
 * Arithmetic happens in PostgreSQL `numeric` or in integer units, never in JavaScript floats.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50"; never a float',
  serialize(value) {
    return typeof value === 'string' ? value : String(value);
  },
  parseValue(value) {
    return parseDecimal(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw invalid('Decimal must be a string such as "12.50" (numbers would lose exactness)');
    }
    return parseDecimal(ast.value);
  },
});

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
    throw invalid('Decimal must be a string such as "12.50", with at most 16 digits before and 4 after the point');
  }
  return value.trim();
}
