// `npm run neo4j:provision`: fetch and build the local Neo4j now, instead of on first start.
import { StartupError } from '../errors.ts';
import { printProgress } from '../progress.ts';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { ensureNeo4jDistribution } from './provision.ts';

try {
  ensureNeo4jDistribution(PROJECT_ROOT, printProgress);
  printProgress('The local Neo4j is provisioned.');
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  console.error(`[pathways] ${error.message}`);
  process.exitCode = 1;
}
