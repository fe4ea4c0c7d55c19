// Read, validate and check the seed in full before a single write, so a bad file leaves the graph untouched.
import { checkIntegrity } from './integrity.ts';
import { readSeedDirectory, SeedFileError, type SeedData } from './read.ts';

export function readCheckedSeed(dir: string): SeedData {
  const { data } = readSeedDirectory(dir);
  const { violations } = checkIntegrity(data);
  if (violations.length > 0) throw new SeedFileError(violations);
  return data;
}
