import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import { NoSchemaIntrospectionCustomRule, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import { WebSocketServer } from 'ws';
import { authenticate } from '../auth/authenticate.js';
import { demandExportRouter } from '../demands/demand-export.route.js';
import { pledgeExportRouter } from '../pledges/pledge-export.route.js';
import { serviceRecordExportRouter } from '../volunteering/service-record-export.route.js';
import { directAnswersPlugin, stringifyResult } from '../common/lookahead/direct-answers.js';
import type { PubSub } from '../common/pubsub/pg-pubsub.js';
import type { Config } from '../config/env.js';
import { migrationsApplied } from '../db/migrate.js';
import { installMetrics } from '../ops/metrics.route.js';
import type { Clock } from './clock.js';
import { createContext, type AppServices, type Context, type CookieJar } from './context.js';
import { formatError } from './errors.js';
import { bodyErrorHandler } from './http-errors.js';
import { DEFAULT_LIMITS, LIMIT_CODES, queryLimitsRule } from './limits.js';
import type { Logger } from './logger.js';
import { clientAddress, webSocketLimiter, type TrustProxy } from './websocket-limits.js';

export interface HttpServerOptions {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  schema: GraphQLSchema;
  pubSub: PubSub;
  clock: Clock;
}

export interface RunningHttpServer {
  port: number;
  url: string;
  /** Stops taking requests, drains in-flight ones and closes WebSockets. */
  stop(): Promise<void>;
}

const IDE_STATIC = '/graphiql/static/';

function cookieJar(res: Response, secure: boolean): CookieJar {
  return {
    set: (name, value, { maxAgeSeconds }) =>
      res.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeSeconds * 1000 }),
    clear: (name) => res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: '/' }),
  };
}

function requestId(req: Request): string {
  const given = req.header('x-request-id');
  return given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { config, logger, orm, schema, pubSub, clock } = options;
  const services: AppServices = { rootEm: orm.em, config, logger, clock, pubSub };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      const migrated = await migrationsApplied(orm);
      res.status(migrated ? 200 : 503).json({ status: migrated ? 'ready' : 'migrations pending', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  // A GraphQL IDE bundled from npm (Ruru, a GraphiQL distribution): works with no internet access.
  app.use(serveStatic(IDE_STATIC) as express.RequestHandler);
  app.get('/graphiql', (_req, res) => {
    res.type('html').send(ruruHTML({ endpoint: '/graphql', subscriptionEndpoint: '/graphql', staticPath: IDE_STATIC }));
  });

  const trust = app.get('trust proxy fn') as TrustProxy;
  const wsLimiter = webSocketLimiter(config.webSocketLimits, (request) => clientAddress(request, trust));
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', verifyClient: wsLimiter.verifyClient });
  if (config.metricsEnabled) {
    installMetrics(app, { httpServer, wsServer, orm, logger });
  }
  // Subscriptions over WebSocket pass the same limits and introspection switch as HTTP operations.
  const wsRules = [...specifiedRules, queryLimitsRule(DEFAULT_LIMITS), ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const wsCleanup = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema,
      validate: (wsSchema, document) => validate(wsSchema, document, wsRules),
      // Cross-site WebSocket hijacking: a browser sends our cookie from any page, so only our own origin may connect.
      onConnect: (ctx) => {
        const origin = ctx.extra.request.headers.origin;
        const host = ctx.extra.request.headers.host;
        return !origin || !host || new URL(origin).host === host;
      },
      context: async (ctx) => {
        const headers = ctx.extra.request.headers;
        const auth = await authenticate(orm.em.fork(), { cookie: headers.cookie, authorization: headers.authorization }, clock.now());
        return createContext(services, { requestId: randomUUID(), auth, ip: ctx.extra.request.socket.remoteAddress ?? '' });
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM (drain, close the pool, stop PostgreSQL, in that order); Apollo's own
    // handlers would stop the server a second time concurrently and leave the process hanging.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // Direct answers (`common/lookahead`) are written by PostgreSQL and spliced in as JSON text.
    stringifyResult,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [queryLimitsRule(DEFAULT_LIMITS)],
    formatError: (formatted, error) => {
      const original = (error as { originalError?: unknown })?.originalError;
      // Apollo reports every validation failure as GRAPHQL_VALIDATION_FAILED; our limits keep their own code.
      const limitCode = (original as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
      if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof limitCode === 'string' && LIMIT_CODES.has(limitCode)) {
        return formatError({ ...formatted, extensions: { ...formatted.extensions, code: limitCode } }, undefined);
      }
      return formatError(formatted, undefined);
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // We send no cache hints; the default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      directAnswersPlugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      {
        // Logs each operation with its request id, and puts the id on masked errors so support can find the log line.
        async requestDidStart({ contextValue }) {
          const started = performance.now();
          return {
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                const code = error.extensions?.code;
                if (error.originalError && (!code || code === 'INTERNAL_SERVER_ERROR')) {
                  contextValue.logger.error({ err: error.originalError, path: error.path }, 'operation failed');
                }
              }
            },
            async willSendResponse({ response, operationName }) {
              contextValue.logger.debug({ operationName, ms: Math.round(performance.now() - started) }, 'graphql');
              if (response.body.kind === 'single' && response.body.singleResult.errors) {
                response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
                  error.extensions?.code === 'INTERNAL_SERVER_ERROR'
                    ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
                    : error,
                );
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimitBytes }),
    bodyErrorHandler(config.bodyLimitBytes),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const id = requestId(req);
        res.setHeader('x-request-id', id);
        const auth = await authenticate(
          orm.em.fork(),
          { cookie: req.headers.cookie, authorization: req.headers.authorization },
          clock.now(),
        );
        return createContext(services, { requestId: id, auth, cookies: cookieJar(res, config.secureCookies), ip: req.ip ?? '' });
      },
    }),
  );

  // File downloads (before the portal, whose single-page fallback answers every other GET).
  app.use(pledgeExportRouter({ rootEm: orm.em, clock, logger }));
  app.use(serviceRecordExportRouter({ rootEm: orm.em, clock, logger }));
  app.use(demandExportRouter({ rootEm: orm.em, clock, logger, pubSub }));

  servePortal(app, config.portalDir, logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    async stop() {
      await apollo.stop();
    },
  };
}

/** Serves the built portal with a single-page-app fallback, when it has been built. */
function servePortal(app: express.Express, portalDir: string | undefined, logger: Logger): void {
  const index = portalDir && path.join(portalDir, 'index.html');
  if (!index || !fs.existsSync(index)) {
    logger.warn({ portalDir }, 'portal not built: run `pnpm build` to serve it at /');
    return;
  }
  app.use(express.static(portalDir, { index: false, maxAge: '1h' }));
  app.get(/^(?!\/graphql|\/graphiql).*/, (_req, res) => {
    res.sendFile(index);
  });
}
