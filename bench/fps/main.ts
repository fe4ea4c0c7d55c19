// The bench page: a deterministic synthetic graph of ?n= nodes drawn by ?renderer=canvas|svg, with a
// requestAnimationFrame counter running alongside, so the runner can read frames per second back.
import type { NodeKind } from '../../client/src/api/generated/graphql.ts';
import { renderCanvasGraph, type CanvasEdge, type CanvasNode } from '../../client/src/views/graph-canvas.ts';
import { renderNeighbourhood, type GraphData } from '../../client/src/views/neighbourhood-graph.ts';
import type { FpsRecord } from './result.ts';

/** mulberry32: a tiny seeded generator, so every run draws the very same graph. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly the seed data's mix: many skills and careers, fewer subjects and fields.
const MIX: [NodeKind, number][] = [
  ['SKILL', 0.34],
  ['CAREER', 0.26],
  ['COURSE', 0.16],
  ['APPLICATION', 0.1],
  ['FIELD', 0.09],
  ['SUBJECT', 0.05],
];
const WORDS = [
  'Marine',
  'Data',
  'Soil',
  'Urban',
  'Applied',
  'Clinical',
  'Water',
  'Energy',
  'Field',
  'Systems',
];
const NOUNS = ['Analysis', 'Ecology', 'Engineering', 'Modelling', 'Surveying', 'Chemistry', 'Design', 'Care'];

/**
 * Preferential attachment (each new node links to one to three earlier ones, picked in proportion to
 * their degree), which gives the heavy-tailed degrees of a real neighbourhood: a few hubs, many leaves.
 */
function syntheticGraph(n: number, seed = 7): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nodes: CanvasNode[] = [];
  const edges: CanvasEdge[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    let roll = random();
    const kind = MIX.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'SKILL';
    nodes.push({ id: `n${i}`, kind, name: `${pick(WORDS)} ${pick(NOUNS)} ${i}` });
    const links = Math.min(i, 1 + Math.floor(random() * random() * 3));
    const chosen = new Set<number>();
    while (chosen.size < links) chosen.add(ends.length ? (ends[Math.floor(random() * ends.length)] ?? 0) : 0);
    for (const j of chosen) {
      edges.push({ from: `n${j}`, to: `n${i}`, type: 'RELATED_TO', why: 'synthetic', weight: random() });
      ends.push(i, j);
    }
  }
  return { nodes, edges };
}

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 500);
const renderer = params.get('renderer') === 'svg' ? 'svg' : 'canvas';
const reducedMotion = params.get('reduced') === '1';
const { nodes, edges } = syntheticGraph(n);
const container = document.getElementById('graph');

const record: FpsRecord = {
  renderer,
  nodes: nodes.length,
  edges: edges.length,
  startedAt: 0,
  frames: [],
  done: false,
  opened: [],
};
window.__fps = record;
const count = (time: number) => {
  record.frames.push(time);
  requestAnimationFrame(count);
};

function start(): void {
  if (!container) throw new Error('#graph is missing');
  record.startedAt = performance.now();
  requestAnimationFrame(count);
  if (renderer === 'svg') {
    const first = nodes[0];
    if (!first) throw new Error('empty graph');
    const data: GraphData = {
      center: first,
      nodes,
      edges: edges.map((e, i) => ({ ...e, id: `e${i}`, type: 'RELATED_TO', weight: e.weight ?? null })),
      origin: new Map(),
    };
    renderNeighbourhood(container, data, [], { toggle: () => undefined, centre: () => undefined });
    // The SVG view lays out synchronously; it has settled once the browser has painted it.
    requestAnimationFrame(() => {
      record.settledAt = performance.now();
      record.done = true;
    });
    return;
  }
  const graph = renderCanvasGraph(container, nodes, edges, {
    centerId: 'n0',
    reducedMotion,
    onOpen: (id) => record.opened.push(id),
    onSettled: () => {
      record.settledAt = performance.now();
      record.framesDrawn = graph.framesDrawn();
      record.done = true;
    },
  });
  window.__fpsPan = (ms) => pan(graph.framesDrawn, ms);
}

/**
 * Synthetic mouse events, dispatched inside the page, so the pace is the browser's and not that of a
 * remote-control round trip per move (which, on a busy machine, is slower than the renderer).
 */
function pan(framesDrawn: () => number, ms: number): Promise<number> {
  const canvas = document.querySelector('.graph-canvas canvas');
  if (!canvas) return Promise.reject(new Error('no canvas'));
  const box = canvas.getBoundingClientRect();
  // The corner is inside the fit's margin, so the press lands on the background and pans.
  const at = (t: number) => ({
    clientX: box.left + 6 + 200 * Math.sin(t),
    clientY: box.top + 6 + 80 * Math.sin(t),
  });
  const mouse = (type: string, target: EventTarget, t: number) =>
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, view: window, button: 0, ...at(t) }));
  return new Promise((done) => {
    const drawnBefore = framesDrawn();
    const started = performance.now();
    mouse('mousedown', canvas, 0);
    const step = (now: number) => {
      const elapsed = now - started;
      if (elapsed < ms) {
        mouse('mousemove', window, elapsed / 300);
        requestAnimationFrame(step);
        return;
      }
      mouse('mouseup', window, elapsed / 300);
      // The last move's frame is drawn on the next animation frame.
      requestAnimationFrame(() =>
        done((framesDrawn() - drawnBefore) / ((performance.now() - started) / 1000)),
      );
    };
    requestAnimationFrame(step);
  });
}

window.addEventListener('error', (event) => {
  record.error = String(event.message);
  record.done = true;
});
// Let the page load and paint once before the clock starts.
requestAnimationFrame(() => setTimeout(start, 0));
