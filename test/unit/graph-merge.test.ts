import { describe, expect, it } from 'vitest';
import { mergeNeighbourhoods } from '../../client/src/views/graph-merge.ts';

const node = (id: string) => ({ id, name: id.toUpperCase() });
const edge = (from: string, type: string, to: string) => ({ from, type, to });

const biology = {
  center: node('biology'),
  nodes: [node('biology'), node('environmental-science'), node('genetics')],
  edges: [edge('biology', 'LEADS_TO', 'environmental-science'), edge('biology', 'DEVELOPS', 'genetics')],
};
const environmentalScience = {
  center: node('environmental-science'),
  nodes: [node('environmental-science'), node('biology'), node('hydrologist'), node('ecologist')],
  edges: [
    edge('biology', 'LEADS_TO', 'environmental-science'),
    edge('environmental-science', 'INCLUDES', 'hydrologist'),
    edge('environmental-science', 'INCLUDES', 'ecologist'),
  ],
};
const hydrologist = {
  center: node('hydrologist'),
  nodes: [node('hydrologist'), node('ecologist'), node('chemistry')],
  edges: [edge('hydrologist', 'RELATED_TO', 'ecologist'), edge('hydrologist', 'DRAWS_ON', 'chemistry')],
};

describe('mergeNeighbourhoods', () => {
  it('adds each expansion once, keeping the centre and the order nodes first appeared in', () => {
    const merged = mergeNeighbourhoods(biology, [environmentalScience, hydrologist]);
    expect(merged.center.id).toBe('biology');
    expect(merged.nodes.map((n) => n.id)).toEqual([
      'biology',
      'environmental-science',
      'genetics',
      'hydrologist',
      'ecologist',
      'chemistry',
    ]);
    expect(merged.edges.map((e) => `${e.from}-${e.type}-${e.to}`)).toEqual([
      'biology-LEADS_TO-environmental-science',
      'biology-DEVELOPS-genetics',
      'environmental-science-INCLUDES-hydrologist',
      'environmental-science-INCLUDES-ecologist',
      'hydrologist-RELATED_TO-ecologist',
      'hydrologist-DRAWS_ON-chemistry',
    ]);
  });

  it('remembers which expansion brought each new node in, and nothing for the first part', () => {
    const merged = mergeNeighbourhoods(biology, [environmentalScience, hydrologist]);
    expect(Object.fromEntries(merged.origin)).toEqual({
      hydrologist: 'environmental-science',
      ecologist: 'environmental-science',
      chemistry: 'hydrologist',
    });
  });

  it('gives the centre alone when nothing is expanded', () => {
    const merged = mergeNeighbourhoods(biology, []);
    expect(merged.nodes).toHaveLength(3);
    expect(merged.edges).toHaveLength(2);
    expect(merged.origin.size).toBe(0);
  });
});
