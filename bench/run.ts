// `npm run bench`: each query through HTTP GraphQL and its own Cypher through the raw driver, in the
// same run on the same database, interleaved so both see the same machine. Prints p50/p95/p99 and
// the GraphQL/raw ratio. Uses NEO4J_URI when set; otherwise a throw-away local Neo4j with the seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { graphIsEmpty, loadSeed } from '../seed/load.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../seed/paths.ts';
import { readCheckedSeed } from '../seed/prepare.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/neo4j/database.ts';
import { printProgress } from '../server/progress.ts';
import { CASES, type BenchCase } from './cases.ts';
import { summarise, type Summary } from './stats.ts';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

// A plain keep-alive HTTP client: fetch (undici) costs the shared event loop more than the server does.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, payload: string): Promise<string> {
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

async function graphqlOnce(url: string, c: BenchCase): Promise<void> {
  const body = JSON.parse(await post(url, JSON.stringify(c.graphql))) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`${c.name}: GraphQL answered with errors: ${body.errors[0]?.message}`);
}

async function rawOnce(driver: Driver, database: string | undefined, c: BenchCase): Promise<void> {
  const result = await driver.executeQuery(c.cypher.statement, c.cypher.params, {
    database,
    routing: 'READ',
  });
  // Materialise what the resolver would read, so the baseline is not flattered by laziness.
  for (const record of result.records) record.toObject();
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ');
}

const ms = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  const external = Boolean(process.env.NEO4J_URI?.trim());
  const home = external ? undefined : mkdtempSync(join(tmpdir(), 'pathways-bench-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    ...(home ? { NEO4J_DATA_DIR: home } : {}),
  });
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  try {
    const { driver, name } = database;
    if (await graphIsEmpty(driver, name)) {
      printProgress('Seeding the benchmark database…');
      await loadSeed(driver, readCheckedSeed(SEED_DATA_DIR), { database: name });
    }
    // The API runs as `npm start` runs it: its own process (so its own event loop) against this database.
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: database.uri,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: config.neo4j.password,
        PORT: '0',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /Ready in .*:(\d+) /.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      server.once('exit', (code) =>
        reject(new Error(`the API server exited (${String(code)}) before it was ready:\n${seen}`)),
      );
    });
    const url = `http://127.0.0.1:${port}/graphql`;

    printProgress(
      `Benchmark: ${WARMUP} warm-up and ${ITERATIONS} measured runs per query and side, interleaved.`,
    );
    const results: { name: string; raw: Summary; gql: Summary }[] = [];
    for (const c of CASES) {
      process.stdout.write(`  ${c.name}…\n`);
      for (let i = 0; i < WARMUP; i++) {
        await rawOnce(driver, name, c);
        await graphqlOnce(url, c);
      }
      const raw: number[] = [];
      const gql: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        raw.push(await timed(() => rawOnce(driver, name, c)));
        gql.push(await timed(() => graphqlOnce(url, c)));
      }
      results.push({ name: c.name, raw: summarise(raw), gql: summarise(gql) });
    }
    agent.destroy();
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;

    const widths = [46, 9, 9, 9, 9, 9, 9, 8];
    console.log('');
    console.log(
      row(['query (ms)', 'raw p50', 'raw p95', 'raw p99', 'gql p50', 'gql p95', 'gql p99', 'p50 ×'], widths),
    );
    for (const r of results) {
      console.log(
        row(
          [
            r.name,
            ms(r.raw.p50),
            ms(r.raw.p95),
            ms(r.raw.p99),
            ms(r.gql.p50),
            ms(r.gql.p95),
            ms(r.gql.p99),
            (r.gql.p50 / r.raw.p50).toFixed(2),
          ],
          widths,
        ),
      );
    }
    console.log('\nTargets (issue 4): GraphQL p50 ≤ 1.3 × raw, and GraphQL p95 < 50 ms, on the seed graph.');
    for (const r of results) {
      const ratio = r.gql.p50 / r.raw.p50;
      const misses = [
        ratio > 1.3 ? `p50 ratio ${ratio.toFixed(2)} > 1.3` : '',
        r.gql.p95 >= 50 ? `p95 ${ms(r.gql.p95)} ms ≥ 50 ms` : '',
      ].filter(Boolean);
      console.log(
        `  ${misses.length ? 'MISS' : 'ok  '} ${r.name}${misses.length ? `: ${misses.join(', ')}` : ''}`,
      );
    }
  } finally {
    await database.close();
    if (home) rmSync(home, { recursive: true, force: true });
  }
}

await main();
