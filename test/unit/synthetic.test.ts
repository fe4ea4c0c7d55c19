// The synthetic graph generator: deterministic, in the seed's shape, every link between allowed kinds.
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_ENDPOINTS, type NodeLabel } from '../../server/graph/model.ts';
import { nodeRows, relationshipRows } from '../../seed/graph-rows.ts';
import type { SeedData } from '../../seed/read.ts';
import { generateSynthetic, syntheticCounts, validateChunk } from '../../seed/synthetic.ts';

/** All chunks as one seed, so outputs of different chunk sizes compare byte for byte. */
function serialise(nodes: number, seed: number, chunkSize?: number): string {
  const all: SeedData = { subjects: [], fields: [], skills: [], careers: [], courses: [], applications: [] };
  for (const chunk of generateSynthetic({ nodes, seed, ...(chunkSize ? { chunkSize } : {}) })) {
    all.subjects.push(...chunk.subjects);
    all.fields.push(...chunk.fields);
    all.skills.push(...chunk.skills);
    all.careers.push(...chunk.careers);
    all.courses.push(...chunk.courses);
    all.applications.push(...chunk.applications);
  }
  return JSON.stringify(all);
}

function rowsOf(chunks: readonly SeedData[]) {
  const labelOf = new Map<string, NodeLabel>();
  const relationships = [];
  for (const chunk of chunks) {
    for (const [label, rows] of nodeRows(chunk)) for (const row of rows) labelOf.set(row.id, label);
    relationships.push(...relationshipRows(chunk));
  }
  return { labelOf, relationships };
}

describe('synthetic graph', () => {
  it('is byte-identical for the same seed, whatever the chunk size', () => {
    const once = serialise(3_000, 42);
    expect(serialise(3_000, 42)).toBe(once);
    expect(serialise(3_000, 42, 250)).toBe(once);
  });

  it('differs for a different seed', () => {
    expect(serialise(3_000, 43)).not.toBe(serialise(3_000, 42));
  });

  it.each([100, 1_234, 5_000])('holds exactly the %i nodes asked for, with unique ids', (nodes) => {
    const { labelOf } = rowsOf([...generateSynthetic({ nodes, seed: 1, chunkSize: 700 })]);
    expect(labelOf.size).toBe(nodes);
    expect(Object.values(syntheticCounts(nodes)).reduce((a, b) => a + b, 0)).toBe(nodes);
  });

  it('passes the seed schema, and every link joins existing nodes of allowed kinds with a reason', () => {
    const chunks = [...generateSynthetic({ nodes: 5_000, seed: 9, chunkSize: 1_000 })];
    for (const chunk of chunks) expect(() => validateChunk(chunk)).not.toThrow();
    const { labelOf, relationships } = rowsOf(chunks);
    expect(relationships.length).toBeGreaterThan(5_000 * 4);
    // Problems are collected rather than asserted one by one: tens of thousands of expects are slow.
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const r of relationships) {
      const key = `${r.type} ${r.from} → ${r.to}`;
      const from = labelOf.get(r.from);
      const to = labelOf.get(r.to);
      if (!from || !RELATIONSHIP_ENDPOINTS[r.type].from.includes(from)) problems.push(`${key}: from ${from}`);
      if (!to || !RELATIONSHIP_ENDPOINTS[r.type].to.includes(to)) problems.push(`${key}: to ${to}`);
      // The loader's MATCH uses the labels the row declares; they must be the ones the nodes have.
      if (from !== r.fromLabel || to !== r.toLabel) problems.push(`${key}: declared labels differ`);
      if (typeof r.props.why !== 'string' || r.props.why.trim() === '') problems.push(`${key}: no why`);
      if (seen.has(key)) problems.push(`${key}: listed twice`);
      seen.add(key);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('has hub skills and a long tail of rarely required ones', () => {
    const { relationships } = rowsOf([...generateSynthetic({ nodes: 10_000, seed: 3 })]);
    const inDegree = new Map<string, number>();
    for (const r of relationships)
      if (r.type === 'REQUIRES') inDegree.set(r.to, (inDegree.get(r.to) ?? 0) + 1);
    const degrees = [...inDegree.values()].sort((a, b) => b - a);
    const median = degrees[Math.floor(degrees.length / 2)] ?? 0;
    expect(degrees[0]).toBeGreaterThan(50 * Math.max(1, median));
    expect(median).toBeLessThanOrEqual(10);
  });
});
