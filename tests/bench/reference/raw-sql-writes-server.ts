/**
 * The limit for one write: a minimal Node HTTP server with `pg` and a pool of 10 that answers the
 * bench's `pledgeCreate` request (the body's query is ignored; `variables.input` and the session cookie
 * are read) with the same rules and the same answer as Gongzhi, in one round trip of hand-written SQL
 * (raw-sql-writes.ts). Usage: raw-sql-writes-server.ts <databaseUrl> <port>; prints "listening <port>".
 */
import { createServer, type ServerResponse } from 'node:http';
import pg from 'pg';
import { hashSecret, sessionTokenFromCookie } from '@gongzhi/server/src/auth/tokens.js';
import { toGlobalId, uuidOf } from '@gongzhi/server/src/common/relay/global-id.js';
import { RAW_PLEDGE_PREPARE, rawPledgeCreateSql, type RawPledgeRow, type RawRefusal } from './raw-sql-writes.js';

interface UserError {
  code: string;
  field: string[];
  message: string;
}

/** The user errors of each refusal, with Gongzhi's codes, fields and messages (pledge.service.ts). */
const REFUSALS: Record<Exclude<RawRefusal, 'UNAUTHENTICATED' | 'INVALID'>, UserError> = {
  NEED_NOT_FOUND: { code: 'NOT_FOUND', field: ['input', 'needId'], message: 'needId names no need you can see' },
  ORGANISATION_NOT_FOUND: { code: 'NOT_FOUND', field: ['input', 'organisationId'], message: 'organisationId names no organisation' },
  FORBIDDEN: {
    code: 'FORBIDDEN',
    field: ['input', 'organisationId'],
    message: 'You may only pledge for an organisation you are a member of',
  },
  ORGANISATION_NOT_VERIFIED: {
    code: 'ORGANISATION_NOT_VERIFIED',
    field: ['input', 'organisationId'],
    message: 'Only verified organisations pledge',
  },
  INVALID_STATE_TRANSITION: {
    code: 'INVALID_STATE_TRANSITION',
    field: ['input', 'needId'],
    message: 'Pledges are taken only while the project is recruiting or active',
  },
  NEED_CLOSED: { code: 'NEED_CLOSED', field: ['input', 'needId'], message: 'The need is closed or past its deadline' },
  PLEDGE_EXCEEDS_NEED: {
    code: 'PLEDGE_EXCEEDS_NEED',
    field: ['input', 'quantity'],
    message: 'Accepted and proposed pledges would exceed the quantity needed',
  },
};

const UNAUTHENTICATED = {
  errors: [
    {
      message: 'Access denied! You need to be authenticated to perform this action!',
      path: ['pledgeCreate'],
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ],
  data: null,
};

/** `checkQuantity` and the note's `validator.text` (common/validation/quantity.ts, common/errors/validate.ts). */
function validate(input: { quantity?: unknown; note?: unknown }): { quantity?: string; note: string | null; errors: UserError[] } {
  const errors: UserError[] = [];
  const field = ['input', 'quantity'];
  let quantity: string | undefined;
  if (typeof input.quantity !== 'string') {
    errors.push({ code: 'REQUIRED', field, message: 'quantity is required' });
  } else if (!/^\d{1,16}(\.\d{1,2})?$/.test(input.quantity)) {
    errors.push({ code: 'INVALID', field, message: 'quantity must be a positive number with at most 2 decimals' });
  } else if (!/[1-9]/.test(input.quantity)) {
    errors.push({ code: 'INVALID', field, message: 'quantity must be greater than 0' });
  } else {
    const [whole = '0', fraction = ''] = input.quantity.split('.');
    quantity = `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if ([...note].length > 1000) {
    errors.push({ code: 'TOO_LONG', field: ['input', 'note'], message: 'note must be at most 1000 characters' });
  }
  return { quantity, note: note || null, errors };
}

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
// Queued before the first request's query on each new connection.
pool.on('connect', (client) => {
  for (const sql of RAW_PLEDGE_PREPARE) {
    client.query(sql).catch((error: unknown) => console.error('PREPARE failed', error));
  }
});

function answer(response: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}

async function pledgeCreate(cookie: string | undefined, input: Record<string, unknown>): Promise<unknown> {
  const token = sessionTokenFromCookie(cookie);
  if (!token) {
    return UNAUTHENTICATED;
  }
  const checked = validate(input);
  const results = (await pool.query(
    rawPledgeCreateSql({
      tokenHash: hashSecret(token),
      needUuid: uuidOf(input.needId as string, 'Need'),
      organisationUuid: uuidOf(input.organisationId as string, 'Organisation'),
      quantity: checked.quantity,
      note: checked.note,
      invalid: checked.errors.length > 0,
    }),
  )) as unknown as pg.QueryResult<RawPledgeRow>[];
  const row = results[3]!.rows[0]!;
  if (row.refusal === 'UNAUTHENTICATED') {
    return UNAUTHENTICATED;
  }
  if (row.refusal) {
    const userErrors = row.refusal === 'INVALID' ? checked.errors : [REFUSALS[row.refusal]];
    return { data: { pledgeCreate: { pledge: null, userErrors } } };
  }
  return {
    data: {
      pledgeCreate: { pledge: { id: toGlobalId('Pledge', row.pledge_id!), status: row.status, quantity: row.quantity }, userErrors: [] },
    },
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables.input;
      if (typeof input !== 'object' || input === null) {
        throw new Error('no input');
      }
    } catch {
      answer(response, 400, { errors: [{ message: 'malformed request' }] });
      return;
    }
    pledgeCreate(request.headers.cookie, input).then(
      (value) => answer(response, 200, value),
      (error: Error) => answer(response, 500, { errors: [{ message: error.message }] }),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
