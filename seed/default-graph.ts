// The graph `npm start` builds into an empty database: the O*NET release under the curated seed.
// Every part is checked before a single write: the curated files, the crosswalks, each built
// record against the data model's rules, and the whole against the integrity rules.
import { ONET_DIR, ONET_RELEASE_DIR, SEED_DATA_DIR } from '../model/paths.ts';
import { NODE_LABELS } from '../model/data-model.ts';
import { nodePropertiesSchema } from '../model/rules.ts';
import { checkIntegrity } from './integrity.ts';
import { buildDefaultGraph, type LayerReport } from './onet/layer.ts';
import { readCrosswalks } from './onet/crosswalks.ts';
import { readRelease } from './onet/release.ts';
import { nodeRows } from './graph-rows.ts';
import { readCheckedSeed } from './prepare.ts';
import { SeedFileError, type SeedData } from './read.ts';

export interface DefaultGraphOptions {
  seedDir?: string;
  releaseDir?: string;
  crosswalkDir?: string;
}

export function readDefaultGraph(options: DefaultGraphOptions = {}): { data: SeedData; report: LayerReport } {
  const curated = readCheckedSeed(options.seedDir ?? SEED_DATA_DIR);
  const release = readRelease(options.releaseDir ?? ONET_RELEASE_DIR);
  const crosswalks = readCrosswalks(options.crosswalkDir ?? ONET_DIR);
  const { data, report } = buildDefaultGraph(curated, release, crosswalks);
  const problems: string[] = [];
  for (const [label, rows] of nodeRows(data)) {
    if (!NODE_LABELS.includes(label)) continue;
    const schema = nodePropertiesSchema(label);
    for (const row of rows) {
      const result = schema.safeParse(row.props);
      if (!result.success) {
        for (const issue of result.error.issues.slice(0, 3))
          problems.push(`${label} "${row.id}": ${issue.path.join('.')}: ${issue.message}`);
      }
    }
  }
  problems.push(...checkIntegrity(data, { softSkillPerCareer: false }).violations);
  if (problems.length > 0) throw new SeedFileError(problems);
  return { data, report };
}
