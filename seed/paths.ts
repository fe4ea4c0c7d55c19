import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED_DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));
