// Wiring, not logic: Express serves health checks, the GraphQL endpoint and the built client on one port.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../model/paths.ts';
import { requestAuth, type RequestAuth, type SessionSettings } from './auth/request-auth.ts';
import type { TrustProxy } from './config.ts';
import type { GraphContext } from './graph/executor.ts';
import { errorReportingPlugin, formatError, graphqlOverHttpStatusPlugin } from './graphql-errors.ts';
import { requestLimits } from './graphql-limits.ts';
import { httpErrorHandler } from './http-errors.ts';
import { isReachable } from './graph/executor.ts';
import type { ResolverContext } from './resolvers/context.ts';
import { resolvers } from './resolvers/index.ts';

// From the project root, not this file: compiled, this file is dist/server/app.js.
export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema.graphql');
export const REQUEST_BODY_LIMIT = '100kb';
/** Imports carry whole files (up to 2 MiB of content, escaped in JSON); they say so in this header. */
export const UPLOAD_HEADER = 'x-pathways-upload';
export const UPLOAD_BODY_LIMIT = '4mb';

export interface AppOptions {
  graph: GraphContext;
  logger: Logger;
  /** The built client (dist/client); when absent the API still works and / explains how to build it. */
  clientDir: string;
  httpServer: Server;
  session: SessionSettings;
  /** Whether the schema can be introspected; off by default when NODE_ENV=production. */
  introspection?: boolean;
  /** Express's 'trust proxy' (config TRUST_PROXY): which proxies may name the client's address. */
  trustProxy?: TrustProxy;
}

/**
 * Only our own files run, load and connect. The client changes most styles through the CSSOM
 * (element.style, setProperty), which CSP does not govern, but a few views set a `style` attribute
 * (a node's kind colour as a CSS variable), so style *attributes* are allowed: they cannot run script
 * and cannot read the page, while <style> elements and inline scripts stay blocked. The Canvas view's
 * layout worker is a module file served from 'self'.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'worker-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export interface App {
  express: Express;
  apollo: ApolloServer<ResolverContext>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { graph, logger, clientDir, httpServer, session } = options;
  // Apollo's own default, stated here so it is visible: the schema is documented in the repository,
  // and a production server need not hand a map of itself to anyone who asks.
  const introspection = options.introspection ?? process.env.NODE_ENV !== 'production';
  const limits = requestLimits();
  const apollo = new ApolloServer<ResolverContext>({
    typeDefs: readFileSync(SCHEMA_FILE, 'utf8'),
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection,
    // The entry point owns SIGINT/SIGTERM: it stops Apollo, then the database, then exits. Apollo's own
    // handlers (on unless NODE_ENV=test) would race it and re-raise the signal mid-shutdown.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Cache hints would only set HTTP Cache-Control, which no answer here uses (the result cache sits
      // below the resolvers); computing them costs every field of every request.
      ApolloServerPluginCacheControlDisabled(),
      errorReportingPlugin(logger),
      graphqlOverHttpStatusPlugin(),
    ],
  });
  await apollo.start();

  const smallJson = express.json({ limit: REQUEST_BODY_LIMIT });
  const uploadJson = express.json({ limit: UPLOAD_BODY_LIMIT });
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the address per-client limits count by; behind a load balancer it is the balancer's.
  const trustProxy = options.trustProxy ?? false;
  app.set('trust proxy', typeof trustProxy === 'object' ? [...trustProxy] : trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // The Strict-Transport-Security header only means something over HTTPS, which a proxy in front adds.
      strictTransportSecurity: session.secureCookie,
    }),
  );

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await isReachable(graph.driver, graph.database);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', neo4j: ready });
  });

  // The request's session, looked up at most once whether the body gate or a resolver asks first.
  const authOf = new WeakMap<express.Request, RequestAuth>();
  const auth = (req: express.Request, res: express.Response): RequestAuth => {
    let found = authOf.get(req);
    if (!found) {
      found = requestAuth(req, res, graph, session);
      authOf.set(req, found);
    }
    return found;
  };

  /**
   * The large body limit is for a signed-in curator's import only: the session and its CSRF token are
   * checked before a byte of the body is read, so nobody else can make the server parse megabytes.
   */
  const bodyParser: express.RequestHandler = async (req, res, next) => {
    if (req.headers[UPLOAD_HEADER] !== 'import') return smallJson(req, res, next);
    const requestAuthFor = auth(req, res);
    // An unreachable database is answered by the resolver as SERVICE_UNAVAILABLE; here it means no session.
    const signedIn = await requestAuthFor.session().catch(() => null);
    const curator = signedIn !== null && requestAuthFor.csrfMatches(signedIn);
    return (curator ? uploadJson : smallJson)(req, res, next);
  };

  app.use(
    '/graphql',
    bodyParser,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = randomUUID();
        res.setHeader('x-request-id', requestId);
        return { requestId, graph, auth: auth(req, res), clientIp: req.ip };
      },
    }),
  );

  const indexHtml = join(clientDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // The client keeps its view in the URL, so any other GET path is the app itself.
    app.get(/^\/(?!graphql|health).*/, (_req, res) => {
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`, then reload.');
    });
  }

  app.use(httpErrorHandler(logger, { small: REQUEST_BODY_LIMIT, upload: UPLOAD_BODY_LIMIT }));

  return { express: app, apollo };
}
