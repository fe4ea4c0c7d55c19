import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../client/src/views/layout.ts';

const ids = ['biology', 'environmental-science', 'hydrologist', 'ecologist', 'chemistry', 'field-sampling'];
const links = [
  { source: 'biology', target: 'environmental-science', weight: 0.9 },
  { source: 'environmental-science', target: 'hydrologist' },
  { source: 'environmental-science', target: 'ecologist' },
  { source: 'chemistry', target: 'environmental-science', weight: 0.6 },
  { source: 'hydrologist', target: 'field-sampling', weight: 0.8 },
];
const options = { width: 960, height: 600, centerId: 'biology' };

describe('computeLayout', () => {
  it('places the same graph in the same place every time, whatever the input order', () => {
    const a = computeLayout(ids, links, options);
    const b = computeLayout([...ids].reverse(), [...links].reverse(), options);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('keeps every node inside the viewport and apart from the others', () => {
    const placed = [...computeLayout(ids, links, options).values()];
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(960);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(600);
    }
    for (const p of placed) {
      for (const q of placed) {
        if (p !== q) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(20);
      }
    }
  });

  it('ignores links to nodes it was not given', () => {
    const placed = computeLayout(
      ['a', 'b'],
      [
        { source: 'a', target: 'missing' },
        { source: 'a', target: 'b' },
      ],
      options,
    );
    expect([...placed.keys()].sort()).toEqual(['a', 'b']);
  });
});
