// What an import is made of once its files are read. The record and problem shapes are shared with the
// graph side, which plans and writes them, so they live in server/graph/transfer-types.ts; this adds
// what only concerns files and uploads.
import type { ImportFormat } from '../graph/transfer-types.ts';

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
} from '../graph/transfer-types.ts';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['JSON', 'CSV', 'ONET'];

/** The most an upload may hold, all files together. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export interface ImportFile {
  name: string;
  content: string;
}
