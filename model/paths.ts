// Where the project's own files live, for the loader, the CLIs and the tests; below seed/ and server/
// so both can ask without importing each other.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, found by walking up from this file: it is model/paths.ts under tsx
 * and dist/model/paths.js once compiled, and both must reach the same seed data, schema and caches.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const SEED_DATA_DIR = join(PROJECT_ROOT, 'seed', 'data');
/** The O*NET release the default graph is built from (its files gzipped), and the crosswalks beside it. */
export const ONET_DIR = join(PROJECT_ROOT, 'seed', 'onet');
export const ONET_RELEASE_DIR = join(ONET_DIR, '29.3');
