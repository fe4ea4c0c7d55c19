// Starts and stops a Neo4j JVM that belongs to this process. The launcher exits when its standard
// input closes, so the database goes down with us however we end: stop(), Ctrl-C, SIGTERM or a crash.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { StartupError } from '../errors.ts';
import { LAUNCHER_CLASS } from './provision.ts';

const READY = 'PATHWAYS_NEO4J_READY';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface LocalNeo4jOptions {
  classpath: string;
  /** Neo4j's home: data and logs go here. */
  home: string;
  heapMb: number;
  pageCacheMb: number;
  /** Bolt port; a free one is chosen when absent. */
  port?: number;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function explainFailure(home: string, output: string): string {
  if (/lock|locked|in use by another/i.test(output)) {
    return `The Neo4j data folder ${home} is in use by another process (is Pathways already running?). Stop it, or set NEO4J_DATA_DIR to another folder.`;
  }
  if (/address already in use|BindException/i.test(output)) {
    return 'The Bolt port for the local Neo4j is already in use. Try again, or set NEO4J_URI to an existing server.';
  }
  const tail = output.trim().split('\n').slice(-6).join('\n');
  return `The local Neo4j did not start. Its logs are in ${resolve(home, 'logs')}. Last output:\n${tail}`;
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const home = resolve(options.home);
  mkdirSync(home, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = spawn(
    'java',
    [
      `-Xms${options.heapMb}m`,
      `-Xmx${options.heapMb}m`,
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      options.classpath,
      LAUNCHER_CLASS,
      home,
      String(port),
      String(options.pageCacheMb),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // A parent that dies mid-write must not crash on EPIPE; the child notices the closed pipe anyway.
  child.stdin.on('error', () => undefined);

  let output = '';
  const remember = (chunk: Buffer | string) => {
    output = (output + chunk.toString()).slice(-16_000);
  };
  child.stderr.on('data', remember);

  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new StartupError(`The local Neo4j did not answer within ${START_TIMEOUT_MS / 1000} s. ${explainFailure(home, output)}`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new StartupError(`Could not run java for the local Neo4j: ${error.message}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(`${line}\n`);
      if (line.startsWith(READY)) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new StartupError(`${explainFailure(home, output)} (exit ${String(code)})`));
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
