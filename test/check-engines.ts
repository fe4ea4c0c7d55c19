// `npm test` fails when an installed package says it does not run on our Node: on the Node running the
// check, or on the oldest one package.json's engines allow (so a check run on a newer Node still
// catches a package that left 20 behind). npm only warns (EBADENGINE) and installs it anyway; the
// failure then shows up later, at run time, as a missing API.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { PROJECT_ROOT } from '../model/paths.ts';

interface Manifest {
  version?: string;
  engines?: { node?: string };
}

const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, Manifest & { link?: boolean }>;
};
const own = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;
const oldest = semver.minVersion(own.engines?.node ?? '*');
const nodes = [process.versions.node, ...(oldest ? [oldest.version] : [])];

const problems: string[] = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (path === '' || entry.link) continue;
  // An optional package for another platform is in the lock but not on disk; npm does not judge it.
  const manifestFile = join(PROJECT_ROOT, path, 'package.json');
  if (!existsSync(manifestFile)) continue;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const range = manifest.engines?.node;
  checked += 1;
  if (!range) continue;
  const refused = nodes.filter((node) => !semver.satisfies(node, range));
  if (refused.length > 0) {
    problems.push(
      `${path.replace(/^.*node_modules\//, '')}@${manifest.version ?? '?'} (${path}) wants node ${range}, not ${refused.join(' or ')}`,
    );
  }
}

if (problems.length > 0) {
  console.error(
    `[pathways] ${problems.length} installed package(s) refuse node ${nodes.join(' / ')} (npm's EBADENGINE):\n  ${problems.join('\n  ')}\n` +
      'Pick a version that supports it, or pin one with package.json "overrides".',
  );
  process.exit(1);
}
console.log(`[pathways] ${checked} installed packages accept node ${nodes.join(' and ')}.`);
