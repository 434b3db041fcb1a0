import { describe, expect, it } from 'vitest';
import { formatError } from '@gongzhi/server/src/app/errors.js';

describe('formatError', () => {
  it('masks an internal error: no message, no stack, only the code and the request id', () => {
    const masked = formatError(
      {
        message: 'relation "secret_table" does not exist',
        path: ['viewer'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      'req-1',
    );
    expect(masked).toEqual({
      message: 'Internal server error',
      path: ['viewer'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' },
    });
  });

  it('masks an error without a code the same way', () => {
    expect(formatError({ message: 'boom' }, undefined).message).toBe('Internal server error');
  });

  it('keeps the message of a client error and drops its stack', () => {
    const kept = formatError(
      { message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y'] } },
      'r',
    );
    expect(kept).toEqual({ message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
