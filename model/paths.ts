// Where the project's own files live, for the loader, the CLIs and the tests; below seed/ and server/
// so both can ask without importing each other.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED_DATA_DIR = fileURLToPath(new URL('../seed/data', import.meta.url));
