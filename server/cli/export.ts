// `npm run export -- --format json|csv --out <file-or-folder> [--label Career …]`: the whole graph, or
// the chosen kinds with the links among them, as the files an import reads back.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { loadConfig } from '../config.ts';
import { NODE_LABELS, isNodeLabel, type NodeLabel } from '../graph/model.ts';
import { exportGraph } from '../graph/export.ts';
import { openDatabase } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';
import { toCsv, toGraphJson } from '../transfer/index.ts';
import { runCli, UsageError } from './run-cli.ts';

const USAGE = 'npm run export -- --format json|csv --out <file-or-folder> [--label Career]';

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      label: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const format = values.format?.toLowerCase();
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`--format must be json or csv. Usage: ${USAGE}`);
  if (!values.out) throw new UsageError(`Say where to write with --out. Usage: ${USAGE}`);
  const labels: NodeLabel[] = [];
  for (const label of values.label ?? []) {
    if (!isNodeLabel(label))
      throw new UsageError(`--label ${label} is not a kind of node; use ${NODE_LABELS.join(', ')}.`);
    labels.push(label);
  }

  const config = loadConfig();
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  try {
    const started = Date.now();
    printProgress(`Reading ${labels.length > 0 ? labels.join(', ') : 'the whole graph'}…`);
    const graph = await exportGraph(
      { driver: database.driver, database: database.name, timeoutMs: config.queryTimeoutMs },
      labels.length > 0 ? { labels } : {},
    );
    const written: string[] = [];
    if (format === 'json') {
      const file = isFolder(values.out) ? join(values.out, 'graph.json') : values.out;
      writeFileSync(file, toGraphJson(graph));
      written.push(file);
    } else {
      mkdirSync(values.out, { recursive: true });
      for (const [name, content] of Object.entries(toCsv(graph))) {
        writeFileSync(join(values.out, name), content);
        written.push(join(values.out, name));
      }
    }
    printProgress(
      `Exported ${graph.nodes.length} nodes and ${graph.relationships.length} relationships to ${written.join(' and ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await database.close();
  }
}

await runCli(main);
