// The default graph the global setup loads (O*NET under the curated seed), built once per test file:
// what the tests compare the database with. A copy, so a test may change it without touching others.
import { readDefaultGraph } from '../../seed/default-graph.ts';
import type { SeedData } from '../../seed/read.ts';

let built: SeedData | undefined;

export function defaultGraph(): SeedData {
  built ??= readDefaultGraph().data;
  return structuredClone(built);
}
