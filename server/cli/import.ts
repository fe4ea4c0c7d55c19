// `npm run import -- --format onet|csv|json --dir <folder> [--dry-run] [--max-mb 2]`: reads the files,
// reports every problem with file, row and column (exit 1), else applies them as one change (or, with
// --dry-run, says what would change). Uses NEO4J_URI, the local Neo4j that `npm start` runs, or
// starts the local one for the run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { loadConfig } from '../config.ts';
import { importGraph } from '../graph/import-graph.ts';
import type { ImportReport } from '../graph/import-report.ts';
import { openDatabase } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';
import {
  IMPORT_MAX_BYTES,
  NODES_CSV,
  ONET_FILES,
  RELATIONSHIPS_CSV,
  parseImport,
  type ImportFile,
  type ImportFormat,
  type ImportProblem,
} from '../transfer/index.ts';
import { runCli, UsageError } from './run-cli.ts';

const USAGE = 'npm run import -- --format onet|csv|json --dir <folder> [--dry-run] [--max-mb 2]';
const FORMATS: Record<string, ImportFormat> = { onet: 'ONET', csv: 'CSV', json: 'JSON' };

/** The files a format reads from a folder; other files there (the rest of an O*NET release) are left alone. */
function readFolder(format: ImportFormat, dir: string): ImportFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile());
  } catch {
    throw new UsageError(`Cannot read the folder ${dir}.`);
  }
  const wanted =
    format === 'ONET'
      ? names.filter((n) => (Object.values(ONET_FILES) as string[]).includes(n))
      : format === 'CSV'
        ? names.filter((n) => n === NODES_CSV || n === RELATIONSHIPS_CSV)
        : names.filter((n) => n.endsWith('.json'));
  if (wanted.length === 0) {
    const expected =
      format === 'ONET'
        ? Object.values(ONET_FILES).join(', ')
        : format === 'CSV'
          ? `${NODES_CSV}, ${RELATIONSHIPS_CSV}`
          : '*.json';
    throw new UsageError(`${dir} has none of the files a ${format} import reads (${expected}).`);
  }
  return wanted.sort().map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
}

function formatProblem(p: ImportProblem): string {
  const where = [
    p.file,
    p.row === null ? null : `row ${p.row}`,
    p.column === null ? null : `column "${p.column}"`,
  ]
    .filter((s) => s !== null)
    .join(', ');
  return `  ${where}: ${p.message}`;
}

function list(ids: readonly string[]): string {
  const shown = ids.slice(0, 12).join(', ');
  return ids.length > 12 ? `${shown}, … (${ids.length - 12} more)` : shown;
}

function printReport(report: ImportReport): void {
  const lines = [
    report.dryRun ? 'Dry run: nothing was written. The import would make these changes.' : report.summary,
    `  nodes: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged`,
    `  relationships: ${report.linked} created, ${report.relinked} updated, ${report.unchangedLinks} unchanged`,
  ];
  if (report.created.length > 0) lines.push(`  created: ${list(report.created)}`);
  if (report.updated.length > 0) lines.push(`  updated: ${list(report.updated)}`);
  if (report.changeId)
    lines.push(`Recorded as change ${report.changeId}; undo it from the curation history.`);
  else if (!report.dryRun) lines.push('Everything was already as the files say: nothing was written.');
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      dir: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'max-mb': { type: 'string' },
    },
    strict: true,
  });
  const format = FORMATS[values.format?.toLowerCase() ?? ''];
  if (!format) throw new UsageError(`--format must be onet, csv or json. Usage: ${USAGE}`);
  if (!values.dir) throw new UsageError(`Name the folder with --dir. Usage: ${USAGE}`);
  const maxMb = values['max-mb'] === undefined ? IMPORT_MAX_BYTES / 1024 / 1024 : Number(values['max-mb']);
  if (!Number.isFinite(maxMb) || maxMb <= 0)
    throw new UsageError('--max-mb must be a positive number of MiB.');

  const parsed = parseImport(format, readFolder(format, values.dir), { maxBytes: maxMb * 1024 * 1024 });
  if (parsed.problems.length > 0) {
    console.error(`[pathways] Nothing was imported: ${parsed.problems.length} problem(s) in the files.`);
    console.error(parsed.problems.map(formatProblem).join('\n'));
    if (parsed.problems.some((p) => p.message.startsWith('The import is '))) {
      console.error(
        '[pathways] Local files may be larger: raise the limit with --max-mb, for example --max-mb 64.',
      );
    }
    process.exitCode = 1;
    return;
  }
  printProgress(`Read ${parsed.nodes.length} nodes and ${parsed.relationships.length} relationships.`);

  const config = loadConfig();
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  const bar = new cliProgress.SingleBar(
    { format: '[pathways] Writing {bar} {value}/{total} batches', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const t0 = Date.now();
    const report = await importGraph(
      { driver: database.driver, database: database.name, timeoutMs: config.queryTimeoutMs },
      { id: 'cli', email: `cli:${userInfo().username}` },
      parsed,
      {
        dryRun: values['dry-run'],
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      },
    );
    if (started) bar.stop();
    if (report.problems.length > 0) {
      console.error(
        `[pathways] Nothing was imported: ${report.problems.length} problem(s) against the graph.`,
      );
      console.error(report.problems.map(formatProblem).join('\n'));
      process.exitCode = 1;
      return;
    }
    printReport(report);
    printProgress(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  } finally {
    if (started) bar.stop();
    await database.close();
  }
}

await runCli(main);
