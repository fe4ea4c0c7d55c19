// Draws a large neighbourhood (hundreds to thousands of nodes) on a Canvas: the force layout runs in a
// worker and posts positions; this thread only draws, once per animation frame and only when something
// changed. SVG stays the view for small graphs, where every node is a focusable element. The drawing is
// graph-canvas-draw.ts, what the person does is graph-canvas-interaction.ts; this file ties them to
// the worker and the frame loop.
import { select } from 'd3-selection';
import './graph-canvas.css';
import { el } from './dom.ts';
import { drawFrame, fitTransform } from './graph-canvas-draw.ts';
import { wireInteraction, zoomBehaviour, type Tooltip } from './graph-canvas-interaction.ts';
import {
  buildModel,
  initialView,
  type CanvasEdge,
  type CanvasModel,
  type CanvasNode,
  type CanvasView,
} from './graph-canvas-model.ts';
import type { FromWorker, ToWorker } from './layout-worker.ts';

export type { CanvasEdge, CanvasNode } from './graph-canvas-model.ts';

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

interface Elements {
  wrapper: HTMLElement;
  canvas: HTMLCanvasElement;
  tooltip: Tooltip;
  status: HTMLElement;
}

function buildElements(model: CanvasModel, centerId: string): Elements {
  const centreName = model.nodes[model.centre]?.name ?? centerId;
  const canvas = el('canvas', {
    role: 'img',
    'aria-label': `Graph of ${centreName} and ${Math.max(0, model.nodes.length - 1)} connected nodes`,
  });
  const tooltip = { element: el('div', { class: 'graph-tooltip' }), name: el('strong'), kind: el('span') };
  tooltip.element.hidden = true;
  tooltip.element.append(tooltip.name, tooltip.kind);
  // Until the first positions arrive (with reduced motion, the whole layout), say why the canvas is empty.
  const status = el(
    'p',
    { class: 'graph-status', role: 'status' },
    `Laying out ${model.nodes.length} nodes…`,
  );
  const wrapper = el('div', { class: 'graph-canvas' }, canvas, tooltip.element, status);
  return { wrapper, canvas, tooltip, status };
}

/** Sizes the drawing surface to the canvas's content box; says whether anything changed. */
function resize(canvas: HTMLCanvasElement, view: CanvasView): boolean {
  // Pointer offsets are measured from the content box too.
  const [width, height] = [canvas.clientWidth, canvas.clientHeight];
  const dpr = window.devicePixelRatio || 1;
  const { size } = view;
  if (width === size.width && height === size.height && dpr === size.dpr) return false;
  view.size = { width, height, dpr };
  canvas.width = Math.max(1, Math.round(width * dpr));
  canvas.height = Math.max(1, Math.round(height * dpr));
  return true;
}

/** Starts the layout worker; every post of positions asks for a frame. */
function startWorker(
  model: CanvasModel,
  view: CanvasView,
  options: CanvasGraphOptions,
  hooks: { requestDraw(): void; onSettled(): void; onFailure(): void; isLive(): boolean },
): Worker {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    if (!hooks.isLive()) return;
    view.positions = event.data.positions;
    // A post may predate the worker seeing the latest hold; the pointer is the truth for the held node.
    if (view.dragged >= 0) {
      view.positions[2 * view.dragged] = view.dragAt.x;
      view.positions[2 * view.dragged + 1] = view.dragAt.y;
    }
    if (event.data.settled) hooks.onSettled();
    hooks.requestDraw();
  });
  worker.addEventListener('error', (event) => {
    console.error('Graph layout worker failed:', event.message);
    hooks.onFailure();
  });
  const start: ToWorker = {
    type: 'start',
    ids: model.nodes.map((n) => n.id),
    links: model.known.map((e) => ({ source: e.from, target: e.to, weight: e.weight })),
    centerId: options.centerId,
    reducedMotion: options.reducedMotion,
  };
  worker.postMessage(start);
  return worker;
}

export function renderCanvasGraph(
  container: HTMLElement,
  nodes: CanvasNode[],
  edges: CanvasEdge[],
  options: CanvasGraphOptions,
): CanvasGraph {
  const model = buildModel(nodes, edges, options.centerId);
  const { wrapper, canvas, tooltip, status } = buildElements(model, options.centerId);
  container.replaceChildren(wrapper);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  const view = initialView();
  const loop = { frame: 0, drawn: 0, settled: false, settledReported: false, destroyed: false };
  const requestDraw = () => {
    if (!loop.frame && !loop.destroyed) loop.frame = requestAnimationFrame(draw);
  };
  const worker = startWorker(model, view, options, {
    requestDraw,
    onSettled: () => (loop.settled = true),
    onFailure: () => {
      status.hidden = false;
      status.textContent = 'The graph layout could not run.';
    },
    isLive: () => !loop.destroyed,
  });
  const interaction = { requestDraw, send: (m: ToWorker) => worker.postMessage(m), ...options };
  const zoomer = zoomBehaviour(view, interaction);

  function draw(): void {
    loop.frame = 0;
    if (!view.positions || !ctx) return;
    resize(canvas, view);
    // Through the zoom behaviour, so a later wheel or drag starts from what is on screen.
    if (view.positions.length > 0 && !view.viewMoved)
      zoomer.transform(select(canvas), fitTransform(view.positions, view.size));
    drawFrame(ctx, model, view);
    loop.drawn++;
    status.hidden = true;
    if (loop.settled && !loop.settledReported) {
      loop.settledReported = true;
      options.onSettled?.();
    }
  }

  const unwire = wireInteraction(canvas, tooltip, model, view, { ...interaction, zoomer });
  const resizer = new ResizeObserver(() => {
    if (resize(canvas, view)) requestDraw();
  });
  resizer.observe(canvas);

  return {
    destroy() {
      loop.destroyed = true;
      worker.terminate();
      if (loop.frame) cancelAnimationFrame(loop.frame);
      loop.frame = 0;
      resizer.disconnect();
      unwire();
      wrapper.remove();
    },
    nodeCount: () => nodes.length,
    framesDrawn: () => loop.drawn,
  };
}
