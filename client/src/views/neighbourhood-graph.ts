// Draws a node's neighbourhood as an SVG graph: nodes coloured by kind, edges that explain
// themselves on hover or focus, and every node keyboard-reachable. Opening a node draws its own
// neighbours in place; nodes glide to their new places unless the person prefers reduced motion.
import { drag } from 'd3-drag';
import { select, type Selection } from 'd3-selection';
import { zoom } from 'd3-zoom';
import type { NeighbourhoodQuery } from '../api/generated/graphql.ts';
import { el, viewLink } from './dom.ts';
import type { Merged } from './graph-merge.ts';
import { kindInfo } from './kinds.ts';
import { renderCanvasGraph, type CanvasGraph } from './graph-canvas.ts';
import { computeLayout } from './layout.ts';

type Neighbourhood = NeighbourhoodQuery['neighbourhood'];
export type GraphData = Merged<Neighbourhood['nodes'][number], Neighbourhood['edges'][number]>;

export interface GraphActions {
  /** Open or close a node's own neighbours in place. */
  toggle(id: string): void;
  /** Make a node the centre of a fresh graph. */
  centre(id: string): void;
}

const WIDTH = 960;
/** Past this many nodes SVG gets slow to lay out and draw; Canvas with a worker layout takes over. */
export const CANVAS_FROM_NODES = 300;
const HEIGHT = 600;
const GLIDE_MS = 450;

interface Point {
  x: number;
  y: number;
}

// What the last drawing showed, so the next one (after opening a node) can start from there.
let lastDrawn: { centerId: string; at: Map<string, Point> } | null = null;
let refocus: string | null = null;
let canvasGraph: CanvasGraph | null = null;

/** Stops a running Canvas layout (its worker) when the graph goes off screen. */
export function clearGraph(): void {
  canvasGraph?.destroy();
  canvasGraph = null;
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

type GraphNode = GraphData['nodes'][number];
type GraphEdge = GraphData['edges'][number];
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** Past CANVAS_FROM_NODES: the Canvas graph, with the same bar and list twin around it. */
function renderCanvas(
  container: HTMLElement,
  data: GraphData,
  expanded: readonly string[],
  actions: GraphActions,
) {
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  canvasGraph = renderCanvasGraph(container, data.nodes, data.edges, {
    centerId: data.center.id,
    onOpen: (id) => {
      if (id !== data.center.id) actions.toggle(id);
    },
    reducedMotion: prefersReducedMotion(),
  });
  container.prepend(openedBar(data, new Set(expanded), names, actions));
  container.append(outline(data, names));
  lastDrawn = null;
}

/**
 * Where each node is now: where the last drawing had it (or the node that brought it in), then gliding
 * to the seeded layout, then wherever the person drags it.
 */
function startPositions(data: GraphData) {
  const positions = computeLayout(
    data.nodes.map((n) => n.id),
    data.edges.map((e) => ({ source: e.from, target: e.to, weight: e.weight })),
    { width: WIDTH, height: HEIGHT, centerId: data.center.id },
  );
  const before = lastDrawn?.centerId === data.center.id ? lastDrawn.at : new Map<string, Point>();
  const target = new Map([...positions].map(([id, p]) => [id, { x: p.x, y: p.y }]));
  const start = new Map(
    [...target].map(([id, p]) => {
      const from = before.get(id) ?? before.get(data.origin.get(id) ?? '') ?? p;
      return [id, { x: from.x, y: from.y }];
    }),
  );
  const placed = new Map([...start].map(([id, p]) => [id, { ...p }]));
  lastDrawn = { centerId: data.center.id, at: placed };
  return { start, target, placed };
}

function svgCanvas(container: HTMLElement, data: GraphData): { svg: Svg; layer: Layer } {
  container.replaceChildren();
  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
    .attr('role', 'group')
    .attr('aria-label', `Graph of ${data.center.name} and ${data.nodes.length - 1} connected nodes`);
  const layer = svg.append('g');
  svg.call(
    zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.4, 4])
      .on('zoom', (event: { transform: { toString(): string } }) =>
        layer.attr('transform', event.transform.toString()),
      ),
  );
  return { svg, layer };
}

/** Edges that explain themselves on hover. */
function edgeLines(layer: Layer, data: GraphData, names: ReadonlyMap<string, string>) {
  const lines = layer
    .append('g')
    .attr('class', 'edges')
    .selectAll<SVGLineElement, GraphEdge>('line')
    .data(data.edges)
    .join('line')
    .attr('stroke-width', (e) => 1 + 3 * (e.weight ?? 0.3));
  lines
    .append('title')
    .text(
      (e) =>
        `${names.get(e.from) ?? e.from} → ${names.get(e.to) ?? e.to} (${e.type.toLowerCase().replace('_', ' ')}): ${e.why}`,
    );
  return lines;
}

/** Every node a button: Enter or a click opens it in place, Shift+Enter centres the graph on it. */
function nodeGroups(layer: Layer, data: GraphData, open: ReadonlySet<string>, actions: GraphActions) {
  const isCentre = (n: GraphNode) => n.id === data.center.id;
  return layer
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, GraphNode>('g')
    .data(data.nodes)
    .join('g')
    .attr('class', (n) =>
      ['node', isCentre(n) ? 'center' : '', open.has(n.id) ? 'expanded' : ''].filter(Boolean).join(' '),
    )
    .attr('data-id', (n) => n.id)
    .attr('data-kind', (n) => n.kind)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (n) => nodeLabel(n, isCentre(n), open.has(n.id)))
    .on('click', (_event, n) => {
      if (!isCentre(n)) actions.toggle(n.id);
    })
    .on('keydown', (event: KeyboardEvent, n) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      if (event.shiftKey || isCentre(n)) {
        if (!isCentre(n)) actions.centre(n.id);
        return;
      }
      refocus = n.id;
      actions.toggle(n.id);
    });
}

/** Moves the nodes from where they start to the layout; the returned handle stops the glide. */
function glide(
  start: ReadonlyMap<string, Point>,
  target: ReadonlyMap<string, Point>,
  placed: Map<string, Point>,
  draw: () => void,
): { stop(): void } {
  let frame = 0;
  if (!prefersReducedMotion() && [...start].some(([id, p]) => p.x !== target.get(id)?.x)) {
    const began = performance.now();
    const step = (now: number) => {
      const t = easeInOut(Math.min(1, (now - began) / GLIDE_MS));
      for (const [id, from] of start) {
        const to = target.get(id) ?? from;
        placed.set(id, { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
      }
      draw();
      frame = t < 1 ? requestAnimationFrame(step) : 0;
    };
    frame = requestAnimationFrame(step);
  } else {
    for (const [id, p] of target) placed.set(id, { ...p });
    draw();
  }
  return { stop: () => cancelAnimationFrame(frame) };
}

/** Dragging moves a node and its links; a drag that moves at all is not a click, so it never navigates. */
function dragNodes(
  nodes: Selection<SVGGElement, GraphNode, SVGGElement, unknown>,
  at: (id: string) => Point,
  placed: Map<string, Point>,
  draw: () => void,
  stopGlide: () => void,
): void {
  nodes.call(
    drag<SVGGElement, GraphNode>()
      .subject((_event, n) => at(n.id))
      .on('start', (event: { sourceEvent: Event }, n) => {
        event.sourceEvent.stopPropagation();
        // A drag ends the glide where it is, so the node stays under the pointer.
        stopGlide();
        nodes.filter((m) => m.id === n.id).classed('dragging', true);
      })
      .on('drag', (event: { x: number; y: number }, n) => {
        placed.set(n.id, { x: event.x, y: event.y });
        draw();
      })
      .on('end', (_event, n) => {
        nodes.filter((m) => m.id === n.id).classed('dragging', false);
      }),
  );
}

export function renderNeighbourhood(
  container: HTMLElement,
  data: GraphData,
  expanded: readonly string[],
  actions: GraphActions,
): void {
  clearGraph();
  if (data.nodes.length > CANVAS_FROM_NODES) return renderCanvas(container, data, expanded, actions);
  const { start, target, placed } = startPositions(data);
  const at = (id: string) => placed.get(id) ?? { x: WIDTH / 2, y: HEIGHT / 2 };
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  const open = new Set(expanded);
  const { layer } = svgCanvas(container, data);
  const lines = edgeLines(layer, data, names);
  const nodes = nodeGroups(layer, data, open, actions);
  const draw = () => {
    lines
      .attr('x1', (e) => at(e.from).x)
      .attr('y1', (e) => at(e.from).y)
      .attr('x2', (e) => at(e.to).x)
      .attr('y2', (e) => at(e.to).y);
    nodes.attr('transform', (n) => `translate(${at(n.id).x},${at(n.id).y})`);
  };
  draw();
  const gliding = glide(start, target, placed, draw);
  dragNodes(nodes, at, placed, draw, gliding.stop);
  container.prepend(openedBar(data, open, names, actions));
  container.append(outline(data, names));
  if (refocus) {
    container.querySelector<SVGGElement>(`.node[data-id="${CSS.escape(refocus)}"]`)?.focus();
    refocus = null;
  }
  nodes
    .append('circle')
    .attr('r', (n) => (n.id === data.center.id ? 18 : 11))
    .attr('fill', (n) => kindInfo(n.kind).colour);
  nodes
    .append('text')
    .attr('dy', (n) => (n.id === data.center.id ? 34 : 25))
    .attr('text-anchor', 'middle')
    .text((n) => n.name);
}

function nodeLabel(
  n: { kind: Neighbourhood['nodes'][number]['kind']; name: string },
  centre: boolean,
  opened: boolean,
): string {
  const what = `${kindInfo(n.kind).label}: ${n.name}.`;
  if (centre) return `${what} The centre of the graph.`;
  return opened
    ? `${what} Its connections are shown; press Enter to hide them, Shift+Enter to centre the graph on it.`
    : `${what} Press Enter to show its connections here, Shift+Enter to centre the graph on it.`;
}

/** Which nodes are opened in place, each with a way to centre on it or close it again. */
function openedBar(
  data: GraphData,
  open: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
  actions: GraphActions,
): HTMLElement {
  const hint = el(
    'p',
    { class: 'hint' },
    open.size === 0
      ? 'Click a node to show its connections here too; drag to move, scroll to zoom.'
      : `Showing ${data.nodes.length} nodes. Opened here:`,
  );
  if (open.size === 0) return el('div', { class: 'opened-bar' }, hint);
  const items = [...open].map((id) => {
    const name = names.get(id) ?? id;
    const centre = viewLink(`/?node=${encodeURIComponent(id)}`, name, () => actions.centre(id));
    centre.title = `Centre the graph on ${name}`;
    const close = el(
      'button',
      { type: 'button', class: 'close', 'aria-label': `Hide the connections of ${name}` },
      '×',
    );
    close.addEventListener('click', () => actions.toggle(id));
    return el('li', {}, centre, close);
  });
  return el('div', { class: 'opened-bar' }, hint, el('ul', { class: 'opened' }, ...items));
}

/** The graph's accessible twin: the same nodes and relationships as a list a screen reader can walk. */
function outline(data: GraphData, names: ReadonlyMap<string, string>): HTMLDetailsElement {
  return el(
    'details',
    { class: 'graph-outline' },
    el('summary', {}, `The same graph as a list (${data.nodes.length} nodes, ${data.edges.length} links)`),
    el(
      'ul',
      {},
      ...data.edges.map((edge) =>
        el(
          'li',
          {},
          el('strong', {}, `${names.get(edge.from) ?? edge.from} → ${names.get(edge.to) ?? edge.to}`),
          ` (${edge.type.toLowerCase().replace('_', ' ')}): ${edge.why}`,
        ),
      ),
    ),
  );
}
