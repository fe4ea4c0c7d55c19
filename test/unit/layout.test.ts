import { describe, expect, it } from 'vitest';
import {
  buildLayoutSimulation,
  computeLayout,
  createLayoutRunner,
  LAYOUT_TICKS,
} from '../../client/src/views/layout.ts';

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

describe('buildLayoutSimulation', () => {
  it('builds the same stopped simulation from the same graph, whatever the input order', () => {
    const run = (i: readonly string[], l: typeof links) => {
      const { simulation, nodes } = buildLayoutSimulation(i, l, 'biology');
      expect(simulation.alpha()).toBe(1); // stopped: nothing ticked until the caller says so
      simulation.tick(LAYOUT_TICKS);
      return nodes.map((n) => [n.id, n.x, n.y]);
    };
    const a = run(ids, links);
    expect(run([...ids].reverse(), [...links].reverse())).toEqual(a);
    expect(a.map(([id]) => id)).toEqual([...ids].sort());
    expect(a.find(([id]) => id === 'biology')).toEqual(['biology', 0, 0]);
  });
});

describe('createLayoutRunner (what the layout worker drives)', () => {
  it('settles after exactly LAYOUT_TICKS ticks, however it is sliced', () => {
    const runner = createLayoutRunner(ids, links, 'biology');
    let steps = 0;
    while (!runner.step(7)) steps++;
    expect(runner.ticks()).toBe(LAYOUT_TICKS);
    expect(steps).toBe(Math.ceil(LAYOUT_TICKS / 7) - 1);
    expect(runner.step(10)).toBe(true);
    expect(runner.ticks()).toBe(LAYOUT_TICKS);
  });

  it('stops a slice at its deadline after one tick, so the worker can answer the pointer', () => {
    const runner = createLayoutRunner(ids, links, 'biology');
    expect(runner.step(50, 0)).toBe(false);
    expect(runner.ticks()).toBe(1);
  });

  it('settles where the simulation run in one go settles, positions in the order it was given ids', () => {
    const order = [
      'hydrologist',
      'biology',
      'field-sampling',
      'chemistry',
      'ecologist',
      'environmental-science',
    ];
    const runner = createLayoutRunner(order, links, 'biology');
    while (!runner.step(13));
    const positions = runner.positions();
    expect(positions).toBeInstanceOf(Float32Array);
    expect(positions).toHaveLength(2 * order.length);

    const { simulation, nodes } = buildLayoutSimulation(ids, links, 'biology');
    simulation.tick(LAYOUT_TICKS);
    order.forEach((id, i) => {
      const n = nodes.find((m) => m.id === id)!;
      expect(positions[2 * i]).toBe(Math.fround(n.x!));
      expect(positions[2 * i + 1]).toBe(Math.fround(n.y!));
    });

    // And the SVG view's computeLayout is the same layout, only scaled and moved into its viewport.
    const fitted = computeLayout(order, links, options);
    const [a, b] = [fitted.get('biology')!, fitted.get('hydrologist')!];
    const scale = (b.x - a.x) / (positions[0]! - positions[2]!);
    order.forEach((id, i) => {
      const p = fitted.get(id)!;
      expect(p.x - a.x).toBeCloseTo(scale * (positions[2 * i]! - positions[2]!), 2);
      expect(p.y - a.y).toBeCloseTo(scale * (positions[2 * i + 1]! - positions[3]!), 2);
    });
  });

  it('keeps the layout moving while a node is held, and leaves it where it was dropped', () => {
    const runner = createLayoutRunner(ids, links, 'biology');
    while (!runner.step(50));
    const index = ids.indexOf('ecologist');
    runner.hold(index, 400, -300);
    expect(runner.step(5)).toBe(false);
    runner.release();
    while (!runner.step(50));
    const positions = runner.positions();
    expect([positions[2 * index], positions[2 * index + 1]]).toEqual([400, -300]);
    expect(runner.ticks()).toBeGreaterThan(LAYOUT_TICKS);
  });

  it('moves a node without ticking when asked to place it (reduced motion)', () => {
    const runner = createLayoutRunner(ids, links, 'biology');
    runner.step(Infinity);
    const before = runner.positions();
    runner.place(ids.indexOf('chemistry'), 12, 34);
    const after = runner.positions();
    expect(runner.ticks()).toBe(LAYOUT_TICKS);
    ids.forEach((id, i) => {
      const expected = id === 'chemistry' ? [12, 34] : [before[2 * i], before[2 * i + 1]];
      expect([after[2 * i], after[2 * i + 1]]).toEqual(expected);
    });
  });
});
