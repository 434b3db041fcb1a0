/**
 * The limit: a minimal Node HTTP server with `pg` and a pool of 10 that answers the Q1 page with one
 * hand-written statement. `POST /graphql` with `{ variables: { region } }` (the body's query is
 * ignored) → `{ data: … }`. Usage: raw-sql-server.ts <databaseUrl> <port>; prints "listening <port>".
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { RAW_Q1_SQL } from './raw-sql.js';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let region: string;
    try {
      region = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables.region;
    } catch {
      response.writeHead(400).end('{"errors":[{"message":"malformed request"}]}');
      return;
    }
    pool.query(RAW_Q1_SQL, [region]).then(
      (result) => {
        const body = `{"data":${result.rows[0].body}}`;
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: Error) => response.writeHead(500).end(JSON.stringify({ errors: [{ message: error.message }] })),
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
