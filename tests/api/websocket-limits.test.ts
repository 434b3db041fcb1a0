import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Open WebSocket connections are capped per client address and per process, at the upgrade: a refused
 * client gets an HTTP status and no socket, and a closed connection frees its place. The test connects
 * from loopback, a trusted proxy, so `X-Forwarded-For` names the client as it would behind nginx.
 */
let server: TestServer;
const open: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ demo: false, env: { WS_MAX_CONNECTIONS: '5', WS_MAX_CONNECTIONS_PER_ADDRESS: '3' } });
});
afterAll(async () => {
  open.forEach((socket) => socket.terminate());
  await server?.stop();
});

/** Opens a graphql-ws socket as `address`: 'open', or the HTTP status the upgrade was refused with. */
function connect(address: string): Promise<{ outcome: 'open'; socket: WebSocket } | { outcome: number }> {
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    headers: { 'x-forwarded-for': address },
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      open.push(socket);
      resolve({ outcome: 'open', socket });
    });
    socket.once('unexpected-response', (request, response) => {
      request.destroy();
      resolve({ outcome: response.statusCode ?? 0 });
    });
    socket.once('error', reject);
  });
}

async function closed(socket: WebSocket): Promise<void> {
  const done = new Promise((resolve) => socket.once('close', resolve));
  socket.close();
  await done;
  open.splice(open.indexOf(socket), 1);
  // The server counts the TCP socket's close, a moment after the client's.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('WebSocket connection limits', () => {
  it('refuses a fourth connection from one address with 429, and takes one again once a place is free', async () => {
    const first = await connect('203.0.113.1');
    await connect('203.0.113.1');
    await connect('203.0.113.1');
    expect((await connect('203.0.113.1')).outcome).toBe(429);
    expect((await connect('203.0.113.2')).outcome).toBe('open');
    await closed((first as { socket: WebSocket }).socket);
    expect((await connect('203.0.113.1')).outcome).toBe('open');
  });

  it('refuses everyone with 503 once the process holds its maximum', async () => {
    // 203.0.113.1 holds 3 and 203.0.113.2 holds 1 from the test before: one place left.
    expect((await connect('203.0.113.3')).outcome).toBe('open');
    expect((await connect('203.0.113.4')).outcome).toBe(503);
  });

  it('serves subscriptions on an accepted connection as before', async () => {
    const socket = (open.at(-1) as WebSocket) ?? null;
    const ack = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(JSON.parse(await ack)).toEqual({ type: 'connection_ack' });
  });
});
