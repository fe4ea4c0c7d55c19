// Import and export without a database: read files into nodes and relationships, write them back out.
export { parseImport, sizeProblem, SPLIT_HINT, type ParseOptions } from './parse.ts';
export { toGraphJson, GRAPH_FORMAT, GRAPH_VERSION } from './graph-json.ts';
export { toCsv, NODES_CSV, RELATIONSHIPS_CSV, NODE_COLUMNS, RELATIONSHIP_COLUMNS } from './csv.ts';
export { ONET_FILES } from './onet.ts';
export * from './types.ts';
export * from './upload.ts';
