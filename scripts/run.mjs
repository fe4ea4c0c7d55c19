// Runs one of our TypeScript entry points the way this install can: compiled, from dist/, when
// NODE_ENV=production (a production install has no dev dependencies, so no tsx and no build tools);
// through tsx otherwise, so a change needs no build. Plain JavaScript, because it must run before
// anything is compiled. The entry point runs in this same process, so Ctrl-C, SIGTERM and its exit
// code reach it directly.
//
//   node scripts/run.mjs [--build] <entry.ts> [its arguments…]
//
// --build (npm start): outside production, codegen and build the client first, as `npm start` always
// has. In production nothing is built: that needs the dev dependencies, so it is `npm run build`'s job.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const build = args[0] === '--build';
if (build) args.shift();
const [entry, ...rest] = args;
if (!entry?.endsWith('.ts')) {
  console.error('[pathways] usage: node scripts/run.mjs [--build] <entry.ts> [arguments…]');
  process.exit(2);
}

let target;
if (process.env.NODE_ENV === 'production') {
  target = join(root, 'dist', entry.replace(/\.ts$/, '.js'));
  if (!existsSync(target)) {
    console.error(
      `[pathways] ${relative(process.cwd(), target)} is missing: run npm run build first (with the dev dependencies installed; npm prune --omit=dev after it).`,
    );
    process.exit(1);
  }
} else {
  if (build) {
    // npm tells its scripts where its own CLI is; run that with this Node, so no shell is involved.
    const npm = process.env.npm_execpath;
    const built = npm
      ? spawnSync(process.execPath, [npm, 'run', 'build:client'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', 'build:client'], {
          cwd: root,
          stdio: 'inherit',
          shell: process.platform === 'win32',
        });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const { register } = await import('tsx/esm/api');
  register();
  target = join(root, entry);
}

// The entry point reads its arguments from process.argv as if it had been started directly.
process.argv.splice(1, process.argv.length - 1, target, ...rest);
await import(pathToFileURL(target).href);
