// One entry point for every format: size limit first, then the format's reader, then the checks all
// formats share. Knows nothing of the database; what needs the graph is checked when applying.
import { readCsvFiles } from './csv.ts';
import { isGraphJson, readGraphJson } from './graph-json.ts';
import { readOnetFiles } from './onet.ts';
import { isSeedFile, readSeedFiles } from './seed-json.ts';
import { duplicateProblems, problem } from './validate.ts';
import {
  IMPORT_MAX_BYTES,
  type ImportFile,
  type ImportFormat,
  type ImportNode,
  type ImportProblem,
  type ImportRelationship,
  type ParsedImport,
} from './types.ts';

export interface ParseOptions {
  /** Defaults to IMPORT_MAX_BYTES; the command line and the staged upload allow more. */
  maxBytes?: number;
  /** What to do about an import over the limit, which depends on how it came in. */
  tooBigHint?: string;
}

/** The advice when nothing better is known about where the files came from. */
export const SPLIT_HINT =
  'Split it into smaller imports (for example by kind of node, or fewer occupations at a time).';

const bytes = (n: number) => n.toLocaleString('en');

export function sizeProblem(
  files: readonly ImportFile[],
  maxBytes = IMPORT_MAX_BYTES,
  hint = SPLIT_HINT,
): ImportProblem | null {
  const total = files.reduce((sum, f) => sum + Buffer.byteLength(f.content, 'utf8'), 0);
  if (total <= maxBytes) return null;
  const largest = [...files].sort((a, b) => b.content.length - a.content.length)[0];
  return problem(
    { file: largest?.name ?? '(upload)', row: null },
    null,
    `The import is ${bytes(total)} bytes; the limit is ${bytes(maxBytes)} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MiB). ${hint}`,
  );
}

function readJsonFiles(files: readonly ImportFile[]): Omit<ParsedImport, 'format' | 'merge'> {
  const nodes: ImportNode[] = [];
  const relationships: ImportRelationship[] = [];
  const problems: ImportProblem[] = [];
  const seedFiles: { name: string; value: unknown }[] = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(file.content);
    } catch (error) {
      problems.push(
        problem({ file: file.name, row: null }, null, `Not valid JSON: ${(error as Error).message}`),
      );
      continue;
    }
    if (isGraphJson(value)) {
      const part = readGraphJson(file.name, value);
      nodes.push(...part.nodes);
      relationships.push(...part.relationships);
      problems.push(...part.problems);
    } else if (isSeedFile(file.name)) {
      seedFiles.push({ name: file.name, value });
    } else {
      problems.push(
        problem(
          { file: file.name, row: null },
          null,
          'Neither a Pathways graph export ("format": "pathways-graph") nor a seed file named after its kind (subjects.json, careers-….json, …).',
        ),
      );
    }
  }
  const seed = readSeedFiles(seedFiles);
  return {
    nodes: [...nodes, ...seed.nodes],
    relationships: [...relationships, ...seed.relationships],
    problems: [...problems, ...seed.problems],
  };
}

export function parseImport(
  format: ImportFormat,
  files: readonly ImportFile[],
  options: ParseOptions = {},
): ParsedImport {
  const merge = format === 'ONET';
  const tooBig = sizeProblem(files, options.maxBytes, options.tooBigHint);
  if (tooBig) return { format, merge, nodes: [], relationships: [], problems: [tooBig] };
  if (files.length === 0) {
    return {
      format,
      merge,
      nodes: [],
      relationships: [],
      problems: [problem({ file: '(upload)', row: null }, null, 'No files to import.')],
    };
  }
  const read =
    format === 'JSON' ? readJsonFiles(files) : format === 'CSV' ? readCsvFiles(files) : readOnetFiles(files);
  return {
    format,
    merge,
    nodes: read.nodes,
    relationships: read.relationships,
    problems: [...read.problems, ...duplicateProblems(read.nodes, read.relationships)],
  };
}
