import type { IncomingMessage } from 'node:http';

/** How many WebSocket connections may be open at once: in the process, and from one client address. */
export interface WebSocketLimits {
  total: number;
  perAddress: number;
}

/** Express's compiled `trust proxy` setting: whether the hop at `address` (the `index`-th from us) is trusted. */
export type TrustProxy = (address: string, index: number) => boolean;

/**
 * The client's address as Express computes `req.ip` with the same `trust proxy` setting: the socket's
 * peer, or, through trusted proxies, the nearest untrusted hop of `X-Forwarded-For`.
 */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
    .reverse();
  const hops = [request.socket.remoteAddress ?? '', ...forwarded];
  for (let index = 0; index < hops.length - 1; index += 1) {
    if (!trust(hops[index]!, index)) {
      return hops[index]!;
    }
  }
  return hops[hops.length - 1]!;
}

type VerifyDone = (accept: boolean, code?: number, message?: string) => void;

/**
 * Caps the open WebSocket connections, so that one client — a runaway script, a tab reopening in a loop,
 * someone hostile — cannot hold the process's memory and file descriptors (an open subscription costs
 * ≈ 160 KiB, `pnpm bench` fan-out). Checked at the upgrade (`ws`'s `verifyClient`), so a refused client
 * opens nothing and gets an HTTP answer: 503 when the process is full, 429 when its address is. A
 * connection counts from its upgrade until its TCP socket closes, however it ends.
 */
export function webSocketLimiter(limits: WebSocketLimits, addressOf: (request: IncomingMessage) => string) {
  const openByAddress = new Map<string, number>();
  let open = 0;
  return {
    verifyClient(info: { req: IncomingMessage }, done: VerifyDone): void {
      const address = addressOf(info.req);
      const fromAddress = openByAddress.get(address) ?? 0;
      if (open >= limits.total) {
        done(false, 503, 'Too many open connections; try again later');
        return;
      }
      if (fromAddress >= limits.perAddress) {
        done(false, 429, 'Too many open connections from your address');
        return;
      }
      open += 1;
      openByAddress.set(address, fromAddress + 1);
      info.req.socket.once('close', () => {
        open -= 1;
        const left = (openByAddress.get(address) ?? 1) - 1;
        if (left > 0) {
          openByAddress.set(address, left);
        } else {
          openByAddress.delete(address);
        }
      });
      done(true);
    },
  };
}
