// Runs the project's entry points as real child processes, the way a person or CI would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PROJECT_ROOT } from '../../model/paths.ts';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const spawned = new Set<ChildProcessWithoutNullStreams>();

/**
 * Kills whatever a test started and left running, for instance after a failed assertion. SIGKILL
 * closes the pipe to any local Neo4j those processes own, so their JVMs go too.
 */
export function killStragglers(): void {
  for (const child of spawned) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  spawned.clear();
}

/** `node --import tsx <script>`: one process, so a signal sent to it reaches the code under test. */
export function spawnTs(script: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  // Run as a person would: vitest sets NODE_ENV=test, which changes library defaults (Apollo's own
  // signal handling, for one) and once hid a shutdown hang from these tests.
  const base = { ...process.env };
  delete base.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: PROJECT_ROOT,
    env: { ...base, LOG_LEVEL: 'silent', ...env },
  });
  spawned.add(child);
  return child;
}

export function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Resolves with the first match of `pattern` in the child's stdout. */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 180_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; saw:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before ${pattern}; saw:\n${seen}`));
    });
  });
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntilGone(pid: number, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !isRunning(pid);
}

/**
 * `node <script> [arguments]` with no loader: how a production install runs the compiled server and
 * scripts/run.mjs. NODE_ENV is the test's to set, as with spawnTs.
 */
export function spawnNode(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcessWithoutNullStreams {
  const base = { ...process.env };
  delete base.NODE_ENV;
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...base, LOG_LEVEL: 'silent', ...env },
  });
  spawned.add(child);
  return child;
}
