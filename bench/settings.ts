// Every knob of `npm run bench`, from the environment, with defaults that keep a full run near 15 minutes.
function whole(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}="${raw}" must be a whole number ≥ 0`);
  return value;
}

function list(name: string, fallback: number[]): number[] {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`${name}="${raw}" must be whole numbers ≥ 1 separated by commas`);
  return values;
}

export const SETTINGS = {
  warmup: whole('BENCH_WARMUP', 50),
  iterations: whole('BENCH_ITERATIONS', 300),
  /** Latency measuring stops after this long per case, whatever BENCH_ITERATIONS says. */
  caseSeconds: whole('BENCH_CASE_SECONDS', 20),
  throughputSeconds: whole('BENCH_THROUGHPUT_SECONDS', 5),
  concurrency: list('BENCH_CONCURRENCY', [1, 8, 32]),
  /** 0 skips the memory run. */
  memorySeconds: whole('BENCH_MEMORY_SECONDS', 120),
  memoryConcurrency: whole('BENCH_MEMORY_CONCURRENCY', 32),
  /** 0 benchmarks the seed graph only. */
  syntheticNodes: whole('BENCH_SYNTHETIC_NODES', 100_000),
  syntheticSeed: whole('BENCH_SYNTHETIC_SEED', 1),
};
