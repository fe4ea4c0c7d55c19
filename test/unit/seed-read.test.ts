import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOfFile, readSeedDirectory, SeedFileError } from '../../seed/read.ts';
import { tinySeed } from './seed-fixtures.ts';

function seedDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-seed-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('readSeedDirectory', () => {
  it('knows the kind of a file by its name', () => {
    expect(kindOfFile('careers.json')).toBe('careers');
    expect(kindOfFile('careers-health-and-science.json')).toBe('careers');
    expect(kindOfFile('people.json')).toBeUndefined();
  });

  it('reads every kind back as written', () => {
    const data = tinySeed();
    const files = Object.fromEntries(
      Object.entries(data).map(([kind, records]) => [`${kind}.json`, records]),
    );
    const { data: read } = readSeedDirectory(seedDir(files));
    expect(read).toEqual(data);
  });

  it('names the file, the record and the field of every problem', () => {
    const data = tinySeed();
    const bad = structuredClone(data.careers);
    bad[1]!.onetSoc = '19-2043';
    (bad[2] as { riasec: string }).riasec = 'XYZ';
    const dir = seedDir({ 'careers-test.json': bad, 'applications.json': '[{"id": "oops",' });
    try {
      readSeedDirectory(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SeedFileError);
      const problems = (error as SeedFileError).problems;
      expect(problems[0]).toMatch(/^applications\.json: not valid JSON/);
      expect(problems).toContain(
        'careers-test.json: record 2 "ecologist": field onetSoc: must be an O*NET-SOC code such as "19-2041.00"',
      );
      expect(
        problems.some((p) => p.startsWith('careers-test.json: record 3 "soil-scientist": field riasec')),
      ).toBe(true);
    }
  });

  it('rejects unknown files and unknown keys', () => {
    const data = tinySeed();
    const dir = seedDir({ 'people.json': [], 'skills.json': [{ ...data.skills[0], colour: 'red' }] });
    expect(() => readSeedDirectory(dir)).toThrowError(/people\.json: unknown seed file/);
    expect(() => readSeedDirectory(dir)).toThrowError(
      /skills\.json: record 1 "critical-thinking": field \(record\): Unrecognized key/,
    );
  });
});
