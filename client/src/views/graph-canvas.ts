// Draws a large neighbourhood (hundreds to thousands of nodes) on a Canvas: the force layout runs in a
// worker and posts positions; this thread only draws, once per animation frame and only when something
// changed. SVG stays the view for small graphs, where every node is a focusable element.
import { drag } from 'd3-drag';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { NodeKind } from '../api/generated/graphql.ts';
import './graph-canvas.css';
import { kindInfo } from './kinds.ts';
import type { FromWorker, ToWorker } from './layout-worker.ts';

export interface CanvasNode {
  id: string;
  name: string;
  kind: NodeKind;
}
export interface CanvasEdge {
  from: string;
  to: string;
  type: string;
  why: string;
  weight?: number | null;
}
export interface CanvasGraphOptions {
  centerId: string;
  /** A click on a node (never the end of a drag or a pan). */
  onOpen: (id: string) => void;
  /** No animation: the layout settles in the worker and is drawn once. */
  reducedMotion: boolean;
  /** Called once, after the first frame drawn with the settled layout. */
  onSettled?: () => void;
}
export interface CanvasGraph {
  destroy(): void;
  nodeCount(): number;
  /** Frames actually drawn so far (a frame is drawn only when positions, view or hover changed). */
  framesDrawn(): number;
}

type Shape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon' | 'triangle-down';
/** A shape per kind as well as a colour, so kinds stay apart for people who do not see the colours. */
const SHAPES: Record<NodeKind, Shape> = {
  SUBJECT: 'circle',
  FIELD: 'hexagon',
  SKILL: 'diamond',
  CAREER: 'square',
  COURSE: 'triangle',
  APPLICATION: 'triangle-down',
};
/** Below this zoom, names would overlap into noise (nodes sit about 50 layout units apart). */
const LABEL_ZOOM = 0.9;
/** Even zoomed in, text is the costliest thing drawn; the best-connected nodes in view get names first. */
const MAX_LABELS = 250;
/** Zoomed out, every node would shrink to a dot; hubs keep a larger floor, so they still stand out. */
const screenFloor = (degree: number) => Math.min(8, 2 + 0.5 * Math.sqrt(degree));
/**
 * Below this radius on screen a shape cannot be told from another, and curves and slants cost twice the
 * raster time of a square (software raster, 2,000 nodes); small nodes are plain squares, still in colour.
 */
const SHAPE_SCREEN_RADIUS = 4;

function tracePath(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  if (shape === 'circle') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  const corners = { square: 4, diamond: 4, triangle: 3, hexagon: 6, 'triangle-down': 3 }[shape];
  const turn = {
    square: Math.PI / 4,
    diamond: 0,
    triangle: -Math.PI / 2,
    hexagon: 0,
    'triangle-down': Math.PI / 2,
  }[shape];
  // Polygons look smaller than a circle of the same radius; nudge them up so kinds weigh the same.
  const R = r * (corners === 3 ? 1.35 : 1.15);
  ctx.moveTo(x + R * Math.cos(turn), y + R * Math.sin(turn));
  for (let c = 1; c < corners; c++) {
    const a = turn + (2 * Math.PI * c) / corners;
    ctx.lineTo(x + R * Math.cos(a), y + R * Math.sin(a));
  }
  ctx.closePath();
}

export function renderCanvasGraph(
  container: HTMLElement,
  nodes: CanvasNode[],
  edges: CanvasEdge[],
  options: CanvasGraphOptions,
): CanvasGraph {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const known = edges.filter((e) => index.has(e.from) && index.has(e.to));
  const ends = Int32Array.from(known.flatMap((e) => [index.get(e.from) ?? 0, index.get(e.to) ?? 0]));
  const degree = new Uint16Array(nodes.length);
  for (const i of ends) degree[i] = (degree[i] ?? 0) + 1;
  const centre = index.get(options.centerId) ?? -1;
  const radius = Float32Array.from(nodes, (_n, i) =>
    i === centre ? 14 : Math.min(13, 5 + 1.5 * Math.sqrt(degree[i] ?? 0)),
  );
  const floor = Float32Array.from(nodes, (_n, i) => screenFloor(degree[i] ?? 0));
  /** A node's radius in layout units at zoom k: its own, or its floor on screen, whichever is larger. */
  const radiusAt = (i: number, k: number) => Math.max(radius[i] ?? 0, (floor[i] ?? 0) / k);
  const byKind = new Map<NodeKind, number[]>();
  nodes.forEach((n, i) => {
    const members = byKind.get(n.kind) ?? [];
    members.push(i);
    byKind.set(n.kind, members);
  });
  const labelOrder = nodes.map((_n, i) => i).sort((a, b) => (degree[b] ?? 0) - (degree[a] ?? 0));

  const wrapper = document.createElement('div');
  wrapper.className = 'graph-canvas';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const centreName = nodes[centre]?.name ?? options.centerId;
  canvas.setAttribute(
    'aria-label',
    `Graph of ${centreName} and ${Math.max(0, nodes.length - 1)} connected nodes`,
  );
  const tooltip = document.createElement('div');
  tooltip.className = 'graph-tooltip';
  tooltip.hidden = true;
  const tipName = document.createElement('strong');
  const tipKind = document.createElement('span');
  tooltip.append(tipName, tipKind);
  // Until the first positions arrive (with reduced motion, the whole layout), say why the canvas is empty.
  const status = document.createElement('p');
  status.className = 'graph-status';
  status.setAttribute('role', 'status');
  status.textContent = `Laying out ${nodes.length} nodes…`;
  wrapper.append(canvas, tooltip, status);
  container.replaceChildren(wrapper);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');

  let positions: Float32Array | undefined;
  let transform: ZoomTransform = zoomIdentity;
  let viewMoved = false;
  let hovered = -1;
  let dragged = -1;
  let dragAt = { x: 0, y: 0 };
  let settled = false;
  let settledReported = false;
  let frame = 0;
  let drawn = 0;
  let size = { width: 0, height: 0, dpr: 0 };

  let destroyed = false;
  const requestDraw = () => {
    if (!frame && !destroyed) frame = requestAnimationFrame(draw);
  };

  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    if (destroyed) return;
    positions = event.data.positions;
    // A post may predate the worker seeing the latest hold; the pointer is the truth for the held node.
    if (dragged >= 0) {
      positions[2 * dragged] = dragAt.x;
      positions[2 * dragged + 1] = dragAt.y;
    }
    settled ||= event.data.settled;
    requestDraw();
  });
  worker.addEventListener('error', (event) => {
    console.error('Graph layout worker failed:', event.message);
    status.hidden = false;
    status.textContent = 'The graph layout could not run.';
  });
  send({
    type: 'start',
    ids: nodes.map((n) => n.id),
    links: known.map((e) => ({ source: e.from, target: e.to, weight: e.weight })),
    centerId: options.centerId,
    reducedMotion: options.reducedMotion,
  });

  const zoomer = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.01, 8])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      transform = event.transform;
      // Only a person's zoom or pan stops the view from following the growing layout; the fit itself
      // happens inside draw(), so it must not ask for another frame.
      if (!event.sourceEvent) return;
      viewMoved = true;
      requestDraw();
    });

  function fitView(): void {
    if (!positions?.length || viewMoved) return;
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < positions.length; i += 2) {
      const x = positions[i] ?? 0;
      const y = positions[i + 1] ?? 0;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const margin = 30;
    const k = Math.min(
      1.4,
      (size.width - 2 * margin) / Math.max(1, maxX - minX),
      (size.height - 2 * margin) / Math.max(1, maxY - minY),
    );
    const fitted = zoomIdentity
      .translate(size.width / 2 - ((minX + maxX) / 2) * k, size.height / 2 - ((minY + maxY) / 2) * k)
      .scale(k);
    // Through the zoom behaviour, so a later wheel or drag starts from what is on screen.
    zoomer.transform(select(canvas), fitted);
  }

  function resize(): boolean {
    // The drawing surface is the content box; pointer offsets are measured from it too.
    const [width, height] = [canvas.clientWidth, canvas.clientHeight];
    const dpr = window.devicePixelRatio || 1;
    if (width === size.width && height === size.height && dpr === size.dpr) return false;
    size = { width, height, dpr };
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    return true;
  }

  function draw(): void {
    frame = 0;
    if (!positions || !ctx) return;
    resize();
    fitView();
    const p = positions;
    const { dpr } = size;
    const k = transform.k;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * transform.x, dpr * transform.y);

    // Every edge in one path and one stroke: thin and translucent, so hubs read as density, not ink.
    ctx.beginPath();
    for (let e = 0; e < ends.length; e += 2) {
      const a = 2 * (ends[e] ?? 0);
      const b = 2 * (ends[e + 1] ?? 0);
      ctx.moveTo(p[a] ?? 0, p[a + 1] ?? 0);
      ctx.lineTo(p[b] ?? 0, p[b + 1] ?? 0);
    }
    ctx.lineWidth = 0.75 / k;
    ctx.strokeStyle = 'rgba(100, 114, 130, 0.28)';
    ctx.stroke();
    if (hovered >= 0) {
      ctx.beginPath();
      for (let e = 0; e < ends.length; e += 2) {
        if (ends[e] !== hovered && ends[e + 1] !== hovered) continue;
        const a = 2 * (ends[e] ?? 0);
        const b = 2 * (ends[e + 1] ?? 0);
        ctx.moveTo(p[a] ?? 0, p[a + 1] ?? 0);
        ctx.lineTo(p[b] ?? 0, p[b + 1] ?? 0);
      }
      ctx.lineWidth = 2 / k;
      ctx.strokeStyle = 'rgba(11, 87, 208, 0.75)';
      ctx.stroke();
    }

    // One path per kind, so 2,000 nodes cost six fills, not 2,000.
    const [left, top] = transform.invert([0, 0]);
    const [right, bottom] = transform.invert([size.width, size.height]);
    const shapeFrom = SHAPE_SCREEN_RADIUS / k;
    ctx.lineWidth = 1 / k;
    ctx.strokeStyle = '#ffffff';
    for (const [kind, members] of byKind) {
      ctx.beginPath();
      for (const i of members) {
        const x = p[2 * i] ?? 0;
        const y = p[2 * i + 1] ?? 0;
        const r = radiusAt(i, k);
        if (x + r < left || x - r > right || y + r < top || y - r > bottom) continue;
        if (r >= shapeFrom) tracePath(ctx, SHAPES[kind], x, y, r);
        else ctx.rect(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
      }
      ctx.fillStyle = kindInfo(kind).colour;
      ctx.fill();
      if (k > 0.5) ctx.stroke();
    }
    for (const [i, colour, width] of [
      [centre, '#1b1f24', 3],
      [hovered, '#0b57d0', 3],
    ] as const) {
      if (i < 0) continue;
      ctx.beginPath();
      ctx.arc(p[2 * i] ?? 0, p[2 * i + 1] ?? 0, radiusAt(i, k) + width / k, 0, 2 * Math.PI);
      ctx.lineWidth = width / k;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }

    // Names in screen space, so text stays 12px whatever the zoom.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = '#1b1f24';
    const label = (i: number) => {
      const [x, y] = transform.apply([p[2 * i] ?? 0, p[2 * i + 1] ?? 0]);
      if (x < -100 || x > size.width + 100 || y < -20 || y > size.height + 20) return false;
      const below = y + radiusAt(i, k) * k + 13;
      const name = nodes[i]?.name ?? '';
      ctx.strokeText(name, x, below);
      ctx.fillText(name, x, below);
      return true;
    };
    if (k >= LABEL_ZOOM) {
      let shown = 0;
      for (const i of labelOrder) {
        if (shown >= MAX_LABELS) break;
        if (i !== centre && i !== hovered && label(i)) shown++;
      }
    }
    if (centre >= 0) label(centre);
    if (hovered >= 0) label(hovered);

    drawn++;
    status.hidden = true;
    if (settled && !settledReported) {
      settledReported = true;
      options.onSettled?.();
    }
  }

  /** The node under a point on the canvas (CSS pixels), or -1; a plain scan, as simulation.find does. */
  function nodeAt(sx: number, sy: number): number {
    if (!positions) return -1;
    const [x, y] = transform.invert([sx, sy]);
    const slack = 4 / transform.k;
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const d = Math.hypot((positions[2 * i] ?? 0) - x, (positions[2 * i + 1] ?? 0) - y);
      const reach = radiusAt(i, transform.k) + slack;
      if (d <= reach && d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  }

  function hover(i: number, sx = 0, sy = 0): void {
    if (i !== hovered) requestDraw();
    hovered = i;
    const node = nodes[i];
    canvas.classList.toggle('over-node', Boolean(node));
    if (!node || dragged >= 0) {
      tooltip.hidden = true;
      return;
    }
    tipName.textContent = node.name;
    tipKind.textContent = kindInfo(node.kind).label;
    tooltip.hidden = false;
    tooltip.style.left = `${sx + 14}px`;
    tooltip.style.top = `${sy + 14}px`;
  }

  const onPointerMove = (event: PointerEvent) => {
    if (dragged < 0) hover(nodeAt(event.offsetX, event.offsetY), event.offsetX, event.offsetY);
  };
  const onPointerLeave = () => {
    if (dragged < 0) hover(-1);
  };
  const onClick = (event: MouseEvent) => {
    const i = nodeAt(event.offsetX, event.offsetY);
    const node = nodes[i];
    if (node) options.onOpen(node.id);
  };
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerleave', onPointerLeave);
  canvas.addEventListener('click', onClick);

  interface Held {
    index: number;
    x: number;
    y: number;
  }
  const selection = select(canvas);
  // Drag before zoom: a press on a node starts a drag and stops the event, a press elsewhere pans.
  selection.call(
    drag<HTMLCanvasElement, unknown, Held | undefined>()
      .container(canvas)
      .subject((event: { x: number; y: number }) => {
        const i = nodeAt(event.x, event.y);
        if (i < 0 || !positions) return undefined;
        const [x, y] = transform.apply([positions[2 * i] ?? 0, positions[2 * i + 1] ?? 0]);
        return { index: i, x, y };
      })
      .on('start', (event: { subject: Held }) => {
        dragged = event.subject.index;
        canvas.classList.add('dragging');
        tooltip.hidden = true;
        viewMoved = true;
      })
      .on('drag', (event: { subject: Held; x: number; y: number }) => {
        const [x, y] = transform.invert([event.x, event.y]);
        dragAt = { x, y };
        if (positions) {
          positions[2 * dragged] = x;
          positions[2 * dragged + 1] = y;
        }
        send({ type: options.reducedMotion ? 'place' : 'hold', index: event.subject.index, x, y });
        requestDraw();
      })
      .on('end', () => {
        dragged = -1;
        canvas.classList.remove('dragging');
        if (!options.reducedMotion) send({ type: 'release' });
      }),
  );
  selection.call(zoomer).on('dblclick.zoom', null);

  const resizer = new ResizeObserver(() => {
    if (resize()) requestDraw();
  });
  resizer.observe(canvas);

  return {
    destroy() {
      destroyed = true;
      worker.terminate();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      resizer.disconnect();
      selection.on('.zoom', null).on('.drag', null);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerleave', onPointerLeave);
      canvas.removeEventListener('click', onClick);
      wrapper.remove();
    },
    nodeCount: () => nodes.length,
    framesDrawn: () => drawn,
  };
}
