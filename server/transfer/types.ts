// What an import is made of once its files are read: the record and problem shapes (records.ts), and
// what only concerns files and uploads.
import type { ImportFormat } from './records.ts';

export {
  INTERNAL_PROPERTIES,
  isInternalProperty,
  type ExportedGraph,
  type ExportedNode,
  type ExportedRelationship,
  type ImportFormat,
  type ImportNode,
  type ImportOrigin,
  type ImportProblem,
  type ImportRelationship,
  type NodeMatch,
  type ParsedImport,
} from './records.ts';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['JSON', 'CSV', 'ONET'];

/** The most an upload may hold, all files together. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export interface ImportFile {
  name: string;
  content: string;
}
