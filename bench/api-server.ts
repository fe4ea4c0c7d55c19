// The API under test runs as `npm start` runs it: its own process (so its own event loop) against the
// benchmark's database. Its pid is kept so its memory can be read from /proc.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { PROJECT_ROOT } from '../model/paths.ts';

export interface ApiServer {
  url: string;
  pid: number;
  /** The JSON lines the server logged (at most 50): with `logLevel: 'error'`, the causes of failures. */
  logged: string[];
  stop(): Promise<void>;
}

export async function startApiServer(
  neo4jUri: string,
  password: string,
  options: { logLevel?: 'silent' | 'error'; env?: Record<string, string> } = {},
): Promise<ApiServer> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/start/index.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: password,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: options.logLevel ?? 'silent',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logged: string[] = [];
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const port = await new Promise<string>((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Ready in .*:(\d+) /.exec(seen);
      if (match?.[1]) resolve(match[1]);
      // pino writes JSON lines to stdout; keep a bounded number of them.
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('{') && logged.length < 50) logged.push(line);
      }
    });
    server.once('exit', (code) =>
      reject(new Error(`the API server exited (${String(code)}) before it was ready:\n${seen}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: server.pid ?? -1,
    logged,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      server.kill('SIGTERM');
      await exited;
    },
  };
}

// A plain keep-alive HTTP client: fetch (undici) costs the shared event loop more than the server does.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export function closeClient(): void {
  agent.destroy();
}

export function post(url: string, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
