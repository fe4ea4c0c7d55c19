// Reads the environment once, validates it, and names the variable at fault when a value is wrong.
import { isIP } from 'node:net';
import { z } from 'zod';

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(fallback);

const megabytes = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of MiB' })
    .int()
    .min(64, 'must be at least 64 (MiB)')
    .default(fallback);

/** GraphQL's Int is 32 bits, and an upload's size is sent as one. */
const importUploadMegabytes = z.coerce
  .number({ error: 'must be a whole number of MiB' })
  .int('must be a whole number of MiB')
  .min(1, 'must be at least 1 (MiB)')
  .max(2047, 'must be at most 2047 (MiB)')
  .default(256);

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** Names Express's 'trust proxy' understands for ranges, beside addresses and CIDR subnets. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', bits, more] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || more !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies in front may say who the client is (X-Forwarded-For), as Express's 'trust proxy':
 * off, a number of hops, or the proxies' addresses. `true` (trust any sender) is refused: then anyone
 * could name any address and step round every per-address limit.
 */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    if (value !== 'true' && entries.every(isProxyEntry)) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        "must be false, a number of proxy hops, or the proxies' addresses (loopback, 10.0.0.0/8, …), comma-separated",
    });
    return z.NEVER;
  });

const envSchema = z.object({
  PORT: port(4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  NEO4J_URI: optionalText.pipe(
    z
      .string()
      .regex(
        /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/\S+$/,
        'must look like bolt://host:7687 or neo4j+s://host',
      )
      .optional(),
  ),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: optionalText,
  NEO4J_DATA_DIR: z.string().trim().min(1).default('.data/neo4j'),
  NEO4J_HEAP_MB: megabytes(512),
  NEO4J_PAGECACHE_MB: megabytes(512),
  NEO4J_MAX_CONNECTIONS: z.coerce
    .number({ error: 'must be a whole number of connections' })
    .int()
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(8),
  QUERY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100)
    .max(120_000)
    .default(10_000),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .min(0.01, 'must be more than 0')
    .max(24 * 30, 'must be at most 720 (30 days)')
    .default(8),
  COOKIE_SECURE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  RESULT_CACHE_ENTRIES: z.coerce
    .number({ error: 'must be a whole number (0 turns the cache off)' })
    .int()
    .min(0)
    .max(1_000_000)
    .default(2_000),
  RESULT_CACHE_MB: z.coerce.number({ error: 'must be a number of MiB' }).min(1).max(16_384).default(64),
  GRAPH_VERSION_POLL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(50)
    .max(60_000)
    .default(1_000),
  IMPORT_UPLOAD_MAX_MB: importUploadMegabytes,
  TRUST_PROXY: trustProxy,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
});

/** Express's 'trust proxy': off, how many hops in front, or which addresses. */
export type TrustProxy = false | number | readonly string[];

export type Config = Readonly<{
  port: number;
  host: string;
  neo4j: Readonly<{
    /** Set: use that server and provision nothing. Unset: start a local Neo4j. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string | undefined;
    dataDir: string;
    heapMb: number;
    pageCacheMb: number;
    /** Statements this process runs at once; more wait for a connection (server/neo4j/driver.ts). */
    maxConnections: number;
  }>;
  queryTimeoutMs: number;
  session: Readonly<{
    ttlMs: number;
    /** Secure cookies need HTTPS; on by default in production, off for the local http:// server. */
    secureCookie: boolean;
  }>;
  resultCache: Readonly<{
    /** Public read results kept while the graph is unchanged; 0: none. */
    entries: number;
    /** The most the kept results may weigh (RESULT_CACHE_MB), whatever their number. */
    maxBytes: number;
    /** How often the graph version is read, to notice writes made by other processes. */
    pollMs: number;
  }>;
  /** The most a staged import upload may hold, all its files together (IMPORT_UPLOAD_MAX_MB). */
  importUploadMaxBytes: number;
  /** Behind a load balancer: which proxies' X-Forwarded-For names the client (its address for limits). */
  trustProxy: TrustProxy;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = env[name];
      return `${name}=${JSON.stringify(value ?? '')} ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      dataDir: e.NEO4J_DATA_DIR,
      heapMb: e.NEO4J_HEAP_MB,
      pageCacheMb: e.NEO4J_PAGECACHE_MB,
      maxConnections: e.NEO4J_MAX_CONNECTIONS,
    },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    session: {
      ttlMs: Math.round(e.SESSION_TTL_HOURS * 3_600_000),
      secureCookie: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    },
    resultCache: {
      entries: e.RESULT_CACHE_ENTRIES,
      maxBytes: Math.round(e.RESULT_CACHE_MB * 1024 * 1024),
      pollMs: e.GRAPH_VERSION_POLL_MS,
    },
    importUploadMaxBytes: e.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * IMPORT_UPLOAD_MAX_MB alone, read when an upload starts. The resolvers are not handed the Config, so
 * they read this one setting where they need it; `loadConfig` at start-up has already refused a bad
 * value, so this throws only if the environment changed since.
 */
export function importUploadMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = importUploadMegabytes.safeParse(env.IMPORT_UPLOAD_MAX_MB);
  if (!parsed.success) {
    throw new ConfigError([
      `IMPORT_UPLOAD_MAX_MB=${JSON.stringify(env.IMPORT_UPLOAD_MAX_MB ?? '')} ${parsed.error.issues[0]?.message ?? 'is not valid'}`,
    ]);
  }
  return parsed.data * 1024 * 1024;
}
