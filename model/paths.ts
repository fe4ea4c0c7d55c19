// Where the project's own files live, for the loader, the CLIs and the tests; below seed/ and server/
// so both can ask without importing each other.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED_DATA_DIR = fileURLToPath(new URL('../seed/data', import.meta.url));
/** The O*NET release the default graph is built from (its files gzipped), and the crosswalks beside it. */
export const ONET_DIR = fileURLToPath(new URL('../seed/onet', import.meta.url));
export const ONET_RELEASE_DIR = fileURLToPath(new URL('../seed/onet/29.3', import.meta.url));
