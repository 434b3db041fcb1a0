import type { ErrorRequestHandler } from 'express';

/** Body-parser failures answer in GraphQL's error shape, with a stable code, instead of an HTML page. */
export function bodyErrorHandler(bodyLimitBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json({
        errors: [{ message: `Request body is larger than ${bodyLimitBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
      return;
    }
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    next(error);
  };
}
