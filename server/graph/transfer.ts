// Import and export against the graph, as the command line and older callers name them. Each job has
// its own module: the pure plan (import-plan.ts), its wording (import-report.ts), applying it
// (import-graph.ts), the bulk state writer import and undo share (state-writer.ts), export (export.ts).
export { exportGraph } from './export.ts';
export { importGraph, type ImportOptions } from './import-graph.ts';
export type { ImportReport } from './import-report.ts';
export { applyStates, IMPORT_TIMEOUT_MS, readStates } from './state-writer.ts';
