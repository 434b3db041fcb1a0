import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { WebSocketServer } from 'ws';
import type { Logger } from '../app/logger.js';
import { createMetrics } from './metrics.js';

/**
 * `GET /metrics` in Prometheus text format, mounted only when METRICS_ENABLED is set. It tells nothing
 * about users, but an operator keeps it off public proxies like any other internal endpoint.
 */
export function installMetrics(
  app: express.Express,
  services: { httpServer: http.Server; wsServer: WebSocketServer; orm: MikroORM; logger: Logger },
): void {
  const metrics = createMetrics({
    websocketConnections: () => services.wsServer.clients.size,
    pool: async () => {
      const pool = await services.orm.em.getConnection().getNativeClient();
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
  });
  services.httpServer.once('close', () => metrics.stop());
  app.get('/metrics', async (_req, res) => {
    try {
      res.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.render());
    } catch (error) {
      services.logger.error({ err: error }, 'metrics failed');
      res.status(500).type('text/plain').send('metrics unavailable\n');
    }
  });
}
