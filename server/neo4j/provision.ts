// Builds the local Neo4j (Community 5.26 LTS from Maven Central plus our launcher) into a
// git-ignored cache, once. Later starts find the stamp and skip Maven entirely.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../errors.ts';
import type { Progress } from '../progress.ts';

export const LAUNCHER_CLASS = 'org.pathways.neo4j.Launcher';

const INPUTS = ['neo4j/pom.xml', 'neo4j/src/main/java/org/pathways/neo4j/Launcher.java'];

export interface Neo4jDistribution {
  classpath: string;
}

export function cacheDir(projectRoot: string): string {
  return join(projectRoot, '.cache', 'neo4j');
}

function inputsHash(projectRoot: string): string {
  const hash = createHash('sha256');
  for (const file of INPUTS) hash.update(readFileSync(join(projectRoot, file)));
  return hash.digest('hex');
}

function requireCommand(command: string, args: string[], missing: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new StartupError(missing);
}

export function requireJava(): void {
  requireCommand(
    'java',
    ['-version'],
    'Java 17 or newer is needed to run the local Neo4j, and `java` was not found. Install it (apt-get install openjdk-17-jre-headless), or set NEO4J_URI to an existing Neo4j 5 server.',
  );
}

export function ensureNeo4jDistribution(projectRoot: string, progress: Progress): Neo4jDistribution {
  const dir = cacheDir(projectRoot);
  const stampFile = join(dir, 'stamp');
  const jar = join(dir, 'pathways-neo4j.jar');
  const classpath = `${jar}:${join(dir, 'lib', '*')}`;
  const wanted = inputsHash(projectRoot);

  requireJava();
  if (existsSync(stampFile) && existsSync(jar) && readFileSync(stampFile, 'utf8') === wanted) {
    return { classpath };
  }

  requireCommand(
    'mvn',
    ['-v'],
    'Maven is needed once to fetch Neo4j from Maven Central, and `mvn` was not found. Install it (apt-get install maven), or set NEO4J_URI to an existing Neo4j 5 server.',
  );
  progress('Resolving Neo4j Community 5.26 LTS from Maven Central (first start only, about 130 MB)…');
  const started = Date.now();
  const build = spawnSync('mvn', ['-B', '-q', '-f', join(projectRoot, 'neo4j', 'pom.xml'), 'package'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    const tail = `${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-8).join('\n');
    throw new StartupError(
      `Maven could not build the local Neo4j (exit ${String(build.status)}). Check that Maven Central is reachable, then run \`npm run neo4j:provision\`. Maven said:\n${tail}`,
    );
  }
  writeFileSync(stampFile, wanted);
  progress(`Neo4j resolved in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { classpath };
}
