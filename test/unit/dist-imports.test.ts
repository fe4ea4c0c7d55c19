// A production install has only package.json `dependencies` (npm prune --omit=dev), so every import
// the compiled server makes must name one of them or a part of Node, and every relative import must be
// a file the build wrote, spelled as Node's ESM loader wants it (with its .js). A dev dependency
// leaking into server code passes every dev-mode test and fails only in production; this catches it
// from the build output, statically.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../model/paths.ts';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every import in the .js files under `dirs` that a production install could not satisfy. */
function importProblems(root: string, dirs: readonly string[], dependencies: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const file of dirs.flatMap((dir) => jsFiles(join(root, dir)))) {
    // TypeScript's own scanner: static imports, re-exports, import() and require(), not comments or strings.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const at = relative(root, file);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        if (!existsSync(resolve(dirname(file), specifier)))
          problems.push(`${at}: ${specifier} is not in the build`);
      } else if (!isBuiltin(specifier) && !dependencies.has(packageName(specifier))) {
        problems.push(`${at}: ${specifier} is not in package.json dependencies`);
      }
    }
  }
  return problems;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function fakeBuild(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pathways-dist-imports-'));
  scratch.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('the import check', () => {
  const dependencies = new Set(['pino', '@apollo/server']);

  it('accepts Node built-ins, dependencies (and their subpaths) and files the build wrote', () => {
    const root = fakeBuild({
      'server/a.js': [
        "import { readFileSync } from 'node:fs';",
        "import { join } from 'path';",
        "import { pino } from 'pino';",
        "import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';",
        "export { b } from './lib/b.js';",
        "// import 'vitest' in a comment is not an import",
        'const text = "import \'tsx\'";',
      ].join('\n'),
      'server/lib/b.js': "export const b = await import('../a.js');",
    });
    expect(importProblems(root, ['server'], dependencies)).toEqual([]);
  });

  it('names a dev dependency, an undeclared package, missing files and a .ts specifier', () => {
    const root = fakeBuild({
      'server/c.js': [
        "import { describe } from 'vitest';",
        "import semver from 'semver';",
        "import './missing.js';",
        "import { x } from './d.ts';",
        "const { register } = await import('tsx/esm/api');",
        "export * from './gone.js';",
      ].join('\n'),
      'server/d.js': 'export const x = 1;',
    });
    expect(importProblems(root, ['server'], dependencies)).toEqual([
      'server/c.js: vitest is not in package.json dependencies',
      'server/c.js: semver is not in package.json dependencies',
      'server/c.js: ./missing.js is not in the build',
      'server/c.js: ./d.ts is not in the build',
      'server/c.js: tsx/esm/api is not in package.json dependencies',
      'server/c.js: ./gone.js is not in the build',
    ]);
  });
});

describe('the compiled server (dist/)', () => {
  it('imports only production dependencies, Node built-ins and its own compiled files', () => {
    const start = join(PROJECT_ROOT, 'dist', 'server', 'start', 'index.js');
    if (!existsSync(start))
      throw new Error('dist/server is missing: run npm run build first (npm test does).');
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const dirs = ['server', 'model', 'seed'];
    // Not vacuous: the build holds the whole server, its CLIs and what they import.
    const compiled = dirs.flatMap((dir) => jsFiles(join(PROJECT_ROOT, 'dist', dir)));
    expect(compiled).toContain(start);
    expect(compiled).toContain(join(PROJECT_ROOT, 'dist', 'server', 'cli', 'user-add.js'));
    expect(
      importProblems(join(PROJECT_ROOT, 'dist'), dirs, new Set(Object.keys(manifest.dependencies))),
    ).toEqual([]);
  });
});
