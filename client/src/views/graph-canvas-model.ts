// What the Canvas graph knows about its nodes, worked out once per drawing (ids to indexes, degrees,
// radii, kinds, label order), and the state a frame is drawn from, which the worker and the person
// change between frames.
import type { ZoomTransform } from 'd3-zoom';
import { zoomIdentity } from 'd3-zoom';
import type { NodeKind } from '../api/generated/graphql.ts';

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

/** Zoomed out, every node would shrink to a dot; hubs keep a larger floor, so they still stand out. */
const screenFloor = (degree: number) => Math.min(8, 2 + 0.5 * Math.sqrt(degree));

export interface CanvasModel {
  nodes: CanvasNode[];
  /** The edges whose ends are both drawn. */
  known: CanvasEdge[];
  /** Edge ends as node indexes, two per edge. */
  ends: Int32Array;
  /** The centre's index, or -1. */
  centre: number;
  byKind: Map<NodeKind, number[]>;
  /** Best-connected first: the nodes that get names when there is room for only some. */
  labelOrder: number[];
  /** A node's radius in layout units at zoom k: its own, or its floor on screen, whichever is larger. */
  radiusAt(i: number, k: number): number;
}

export function buildModel(nodes: CanvasNode[], edges: CanvasEdge[], centerId: string): CanvasModel {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const known = edges.filter((e) => index.has(e.from) && index.has(e.to));
  const ends = Int32Array.from(known.flatMap((e) => [index.get(e.from) ?? 0, index.get(e.to) ?? 0]));
  const degree = new Uint16Array(nodes.length);
  for (const i of ends) degree[i] = (degree[i] ?? 0) + 1;
  const centre = index.get(centerId) ?? -1;
  const radius = Float32Array.from(nodes, (_n, i) =>
    i === centre ? 14 : Math.min(13, 5 + 1.5 * Math.sqrt(degree[i] ?? 0)),
  );
  const floor = Float32Array.from(nodes, (_n, i) => screenFloor(degree[i] ?? 0));
  const byKind = new Map<NodeKind, number[]>();
  nodes.forEach((n, i) => {
    const members = byKind.get(n.kind) ?? [];
    members.push(i);
    byKind.set(n.kind, members);
  });
  return {
    nodes,
    known,
    ends,
    centre,
    byKind,
    labelOrder: nodes.map((_n, i) => i).sort((a, b) => (degree[b] ?? 0) - (degree[a] ?? 0)),
    radiusAt: (i, k) => Math.max(radius[i] ?? 0, (floor[i] ?? 0) / k),
  };
}

/** What changes between frames. */
export interface CanvasView {
  /** x, y per node, from the worker; undefined until its first post. */
  positions: Float32Array | undefined;
  transform: ZoomTransform;
  /** Once the person zooms, pans or drags, the view stops following the growing layout. */
  viewMoved: boolean;
  hovered: number;
  dragged: number;
  /** Where the held node is: the pointer is the truth for it, whatever the worker last posted. */
  dragAt: { x: number; y: number };
  size: { width: number; height: number; dpr: number };
}

export function initialView(): CanvasView {
  return {
    positions: undefined,
    transform: zoomIdentity,
    viewMoved: false,
    hovered: -1,
    dragged: -1,
    dragAt: { x: 0, y: 0 },
    size: { width: 0, height: 0, dpr: 0 },
  };
}
