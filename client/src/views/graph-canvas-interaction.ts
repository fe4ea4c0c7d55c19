// What the person does to the Canvas graph: hover names a node, a click opens it, a drag moves it
// (the worker keeps the rest of the layout around it), and wheel or drag elsewhere zooms and pans.
import { drag } from 'd3-drag';
import { select, type Selection } from 'd3-selection';
import { zoom, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { CanvasModel, CanvasView } from './graph-canvas-model.ts';
import { kindInfo } from './kinds.ts';
import type { ToWorker } from './layout-worker.ts';

export interface InteractionOptions {
  requestDraw(): void;
  send(message: ToWorker): void;
  /** A click on a node (never the end of a drag or a pan). */
  onOpen(id: string): void;
  reducedMotion: boolean;
}

export interface Tooltip {
  element: HTMLElement;
  name: HTMLElement;
  kind: HTMLElement;
}

interface Held {
  index: number;
  x: number;
  y: number;
}

/** The node under a point on the canvas (CSS pixels), or -1; a plain scan, as simulation.find does. */
export function nodeAt(model: CanvasModel, view: CanvasView, sx: number, sy: number): number {
  const { positions, transform } = view;
  if (!positions) return -1;
  const [x, y] = transform.invert([sx, sy]);
  const slack = 4 / transform.k;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < model.nodes.length; i++) {
    const d = Math.hypot((positions[2 * i] ?? 0) - x, (positions[2 * i + 1] ?? 0) - y);
    const reach = model.radiusAt(i, transform.k) + slack;
    if (d <= reach && d < bestDistance) [best, bestDistance] = [i, d];
  }
  return best;
}

function hover(
  canvas: HTMLCanvasElement,
  tooltip: Tooltip,
  model: CanvasModel,
  view: CanvasView,
  options: InteractionOptions,
  at: { i: number; sx?: number; sy?: number },
): void {
  if (at.i !== view.hovered) options.requestDraw();
  view.hovered = at.i;
  const node = model.nodes[at.i];
  canvas.classList.toggle('over-node', Boolean(node));
  if (!node || view.dragged >= 0) {
    tooltip.element.hidden = true;
    return;
  }
  tooltip.name.textContent = node.name;
  tooltip.kind.textContent = kindInfo(node.kind).label;
  tooltip.element.hidden = false;
  tooltip.element.style.left = `${(at.sx ?? 0) + 14}px`;
  tooltip.element.style.top = `${(at.sy ?? 0) + 14}px`;
}

/** Pans and zooms; only a person's zoom or pan stops the view from following the growing layout. */
export function zoomBehaviour(
  view: CanvasView,
  options: InteractionOptions,
): ZoomBehavior<HTMLCanvasElement, unknown> {
  return zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.01, 8])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      view.transform = event.transform;
      // The fit itself happens while drawing, so it must not ask for another frame.
      if (!event.sourceEvent) return;
      view.viewMoved = true;
      options.requestDraw();
    });
}

function dragBehaviour(
  canvas: HTMLCanvasElement,
  tooltip: Tooltip,
  model: CanvasModel,
  view: CanvasView,
  options: InteractionOptions,
) {
  return drag<HTMLCanvasElement, unknown, Held | undefined>()
    .container(canvas)
    .subject((event: { x: number; y: number }) => {
      const i = nodeAt(model, view, event.x, event.y);
      if (i < 0 || !view.positions) return undefined;
      const [x, y] = view.transform.apply([view.positions[2 * i] ?? 0, view.positions[2 * i + 1] ?? 0]);
      return { index: i, x, y };
    })
    .on('start', (event: { subject: Held }) => {
      view.dragged = event.subject.index;
      canvas.classList.add('dragging');
      tooltip.element.hidden = true;
      view.viewMoved = true;
    })
    .on('drag', (event: { subject: Held; x: number; y: number }) => {
      const [x, y] = view.transform.invert([event.x, event.y]);
      view.dragAt = { x, y };
      if (view.positions) {
        view.positions[2 * view.dragged] = x;
        view.positions[2 * view.dragged + 1] = y;
      }
      options.send({ type: options.reducedMotion ? 'place' : 'hold', index: event.subject.index, x, y });
      options.requestDraw();
    })
    .on('end', () => {
      view.dragged = -1;
      canvas.classList.remove('dragging');
      if (!options.reducedMotion) options.send({ type: 'release' });
    });
}

/** Wires hover, click, drag and zoom to the canvas; the returned function unwires them all. */
export function wireInteraction(
  canvas: HTMLCanvasElement,
  tooltip: Tooltip,
  model: CanvasModel,
  view: CanvasView,
  options: InteractionOptions & { zoomer: ZoomBehavior<HTMLCanvasElement, unknown> },
): () => void {
  const onPointerMove = (event: PointerEvent) => {
    if (view.dragged >= 0) return;
    const i = nodeAt(model, view, event.offsetX, event.offsetY);
    hover(canvas, tooltip, model, view, options, { i, sx: event.offsetX, sy: event.offsetY });
  };
  const onPointerLeave = () => {
    if (view.dragged < 0) hover(canvas, tooltip, model, view, options, { i: -1 });
  };
  const onClick = (event: MouseEvent) => {
    const node = model.nodes[nodeAt(model, view, event.offsetX, event.offsetY)];
    if (node) options.onOpen(node.id);
  };
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerleave', onPointerLeave);
  canvas.addEventListener('click', onClick);
  const selection: Selection<HTMLCanvasElement, unknown, null, undefined> = select(canvas);
  // Drag before zoom: a press on a node starts a drag and stops the event, a press elsewhere pans.
  selection.call(dragBehaviour(canvas, tooltip, model, view, options));
  selection.call(options.zoomer).on('dblclick.zoom', null);
  return () => {
    selection.on('.zoom', null).on('.drag', null);
    canvas.removeEventListener('pointermove', onPointerMove);
    canvas.removeEventListener('pointerleave', onPointerLeave);
    canvas.removeEventListener('click', onClick);
  };
}
