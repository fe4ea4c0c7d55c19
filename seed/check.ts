// `npm run seed:check`: validates the curated files and the graph rules, prints counts and every
// violation, and exits 1 on any. Needs no database.
import { checkIntegrity } from './integrity.ts';
import { SEED_DATA_DIR } from '../model/paths.ts';
import { readSeedDirectory, SeedFileError } from './read.ts';

const dir = process.argv[2] ?? SEED_DATA_DIR;
try {
  const { data } = readSeedDirectory(dir);
  const report = checkIntegrity(data);
  console.log(`Seed data in ${dir}:`);
  for (const [label, count] of Object.entries(report.counts)) console.log(`  ${label.padEnd(12)} ${count}`);
  console.log(`  ${'Relationships'.padEnd(12)} ${report.relationships}`);
  if (report.violations.length > 0) {
    console.log(`\n${report.violations.length} violation(s):`);
    for (const v of report.violations) console.log(`  - ${v}`);
    process.exitCode = 1;
  } else {
    console.log('\nNo violations.');
  }
} catch (error) {
  if (error instanceof SeedFileError) {
    console.log(error.message);
    process.exitCode = 1;
  } else throw error;
}
