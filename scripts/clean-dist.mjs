// Empties the compiled server before `tsc -p tsconfig.build.json` writes it again: tsc never deletes,
// so a source file removed or renamed would otherwise leave its old output behind to be run or imported.
// dist/client is Vite's, and Vite empties it itself.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(dirname(fileURLToPath(import.meta.url))), 'dist');
for (const folder of ['server', 'model', 'seed'])
  rmSync(join(dist, folder), { recursive: true, force: true });
