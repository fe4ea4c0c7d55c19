// Drawing one frame of the Canvas graph: every edge in one stroke, one path per kind of node, rings
// for the centre and the hovered node, and names in screen space. Nothing here listens to anything.
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { NodeKind } from '../api/generated/graphql.ts';
import type { CanvasModel, CanvasView } from './graph-canvas-model.ts';
import { kindInfo } from './kinds.ts';

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
const CORNERS = { square: 4, diamond: 4, triangle: 3, hexagon: 6, 'triangle-down': 3 } as const;
const TURN = {
  square: Math.PI / 4,
  diamond: 0,
  triangle: -Math.PI / 2,
  hexagon: 0,
  'triangle-down': Math.PI / 2,
} as const;
/** Below this zoom, names would overlap into noise (nodes sit about 50 layout units apart). */
const LABEL_ZOOM = 0.9;
/** Even zoomed in, text is the costliest thing drawn; the best-connected nodes in view get names first. */
const MAX_LABELS = 250;
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
  const corners = CORNERS[shape];
  const turn = TURN[shape];
  // Polygons look smaller than a circle of the same radius; nudge them up so kinds weigh the same.
  const R = r * (corners === 3 ? 1.35 : 1.15);
  ctx.moveTo(x + R * Math.cos(turn), y + R * Math.sin(turn));
  for (let c = 1; c < corners; c++) {
    const a = turn + (2 * Math.PI * c) / corners;
    ctx.lineTo(x + R * Math.cos(a), y + R * Math.sin(a));
  }
  ctx.closePath();
}

/** The zoom that fits every node on screen, with a margin, never closer than 1.4. */
export function fitTransform(
  positions: Float32Array,
  size: { width: number; height: number },
): ZoomTransform {
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
  return zoomIdentity
    .translate(size.width / 2 - ((minX + maxX) / 2) * k, size.height / 2 - ((minY + maxY) / 2) * k)
    .scale(k);
}

/** Strokes the edges `keep` lets through as one path. */
function strokeEdges(
  ctx: CanvasRenderingContext2D,
  ends: Int32Array,
  p: Float32Array,
  keep: (a: number, b: number) => boolean,
): void {
  ctx.beginPath();
  for (let e = 0; e < ends.length; e += 2) {
    const from = ends[e] ?? 0;
    const to = ends[e + 1] ?? 0;
    if (!keep(from, to)) continue;
    ctx.moveTo(p[2 * from] ?? 0, p[2 * from + 1] ?? 0);
    ctx.lineTo(p[2 * to] ?? 0, p[2 * to + 1] ?? 0);
  }
  ctx.stroke();
}

/** Thin and translucent, so hubs read as density, not ink; the hovered node's edges stand out. */
function drawEdges(
  ctx: CanvasRenderingContext2D,
  model: CanvasModel,
  view: CanvasView,
  p: Float32Array,
): void {
  const k = view.transform.k;
  ctx.lineWidth = 0.75 / k;
  ctx.strokeStyle = 'rgba(100, 114, 130, 0.28)';
  strokeEdges(ctx, model.ends, p, () => true);
  const hovered = view.hovered;
  if (hovered < 0) return;
  ctx.lineWidth = 2 / k;
  ctx.strokeStyle = 'rgba(11, 87, 208, 0.75)';
  strokeEdges(ctx, model.ends, p, (a, b) => a === hovered || b === hovered);
}

/** One path per kind, so 2,000 nodes cost six fills, not 2,000; nodes off screen are skipped. */
function drawNodes(
  ctx: CanvasRenderingContext2D,
  model: CanvasModel,
  view: CanvasView,
  p: Float32Array,
): void {
  const { transform, size } = view;
  const k = transform.k;
  const [left, top] = transform.invert([0, 0]);
  const [right, bottom] = transform.invert([size.width, size.height]);
  const shapeFrom = SHAPE_SCREEN_RADIUS / k;
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = '#ffffff';
  for (const [kind, members] of model.byKind) {
    ctx.beginPath();
    for (const i of members) {
      const x = p[2 * i] ?? 0;
      const y = p[2 * i + 1] ?? 0;
      const r = model.radiusAt(i, k);
      if (x + r < left || x - r > right || y + r < top || y - r > bottom) continue;
      if (r >= shapeFrom) tracePath(ctx, SHAPES[kind], x, y, r);
      else ctx.rect(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
    }
    ctx.fillStyle = kindInfo(kind).colour;
    ctx.fill();
    if (k > 0.5) ctx.stroke();
  }
}

function drawRings(
  ctx: CanvasRenderingContext2D,
  model: CanvasModel,
  view: CanvasView,
  p: Float32Array,
): void {
  const k = view.transform.k;
  for (const [i, colour, width] of [
    [model.centre, '#1b1f24', 3],
    [view.hovered, '#0b57d0', 3],
  ] as const) {
    if (i < 0) continue;
    ctx.beginPath();
    ctx.arc(p[2 * i] ?? 0, p[2 * i + 1] ?? 0, model.radiusAt(i, k) + width / k, 0, 2 * Math.PI);
    ctx.lineWidth = width / k;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
}

/** Names in screen space, so text stays 12px whatever the zoom; the centre and hovered node always. */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  model: CanvasModel,
  view: CanvasView,
  p: Float32Array,
): void {
  const { transform, size, hovered } = view;
  const k = transform.k;
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#1b1f24';
  const label = (i: number) => {
    const [x, y] = transform.apply([p[2 * i] ?? 0, p[2 * i + 1] ?? 0]);
    if (x < -100 || x > size.width + 100 || y < -20 || y > size.height + 20) return false;
    const below = y + model.radiusAt(i, k) * k + 13;
    const name = model.nodes[i]?.name ?? '';
    ctx.strokeText(name, x, below);
    ctx.fillText(name, x, below);
    return true;
  };
  if (k >= LABEL_ZOOM) {
    let shown = 0;
    for (const i of model.labelOrder) {
      if (shown >= MAX_LABELS) break;
      if (i !== model.centre && i !== hovered && label(i)) shown++;
    }
  }
  if (model.centre >= 0) label(model.centre);
  if (hovered >= 0) label(hovered);
}

/** Draws the whole frame from the view's positions and transform. */
export function drawFrame(ctx: CanvasRenderingContext2D, model: CanvasModel, view: CanvasView): void {
  const p = view.positions;
  if (!p) return;
  const { transform, size } = view;
  const { dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.setTransform(dpr * transform.k, 0, 0, dpr * transform.k, dpr * transform.x, dpr * transform.y);
  drawEdges(ctx, model, view, p);
  drawNodes(ctx, model, view, p);
  drawRings(ctx, model, view, p);
  drawLabels(ctx, model, view, p);
}
