// A seeded force layout: the same nodes and edges always settle in the same place, so a shared link
// looks the same on every screen, and tests can check positions without a browser.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { randomLcg } from 'd3-random';

export interface LayoutNode extends SimulationNodeDatum {
  id: string;
}

export interface LayoutLink {
  source: string;
  target: string;
  weight?: number | null | undefined;
}

export interface Positioned {
  id: string;
  x: number;
  y: number;
}

export const LAYOUT_SEED = 0.4242;

export function computeLayout(
  ids: readonly string[],
  links: readonly LayoutLink[],
  options: { width: number; height: number; centerId?: string; ticks?: number },
): Map<string, Positioned> {
  const nodes: LayoutNode[] = [...ids].sort().map((id) => ({ id }));
  const centre = nodes.find((n) => n.id === options.centerId);
  if (centre) {
    centre.fx = 0;
    centre.fy = 0;
  }
  const known = new Set(ids);
  const simLinks = links
    .filter((l) => known.has(l.source) && known.has(l.target))
    .map((l) => ({ source: l.source, target: l.target, weight: l.weight ?? 0.5 }))
    // Forces are applied in array order, so a stable order is part of a stable layout.
    .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const simulation = forceSimulation(nodes)
    .randomSource(randomLcg(LAYOUT_SEED))
    .force(
      'link',
      forceLink<LayoutNode, (typeof simLinks)[number]>(simLinks)
        .id((d) => d.id)
        .distance((l) => 70 + 50 * (1 - l.weight)),
    )
    .force('charge', forceManyBody().strength(-220))
    .force('collide', forceCollide(26))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.06))
    .stop();
  simulation.tick(options.ticks ?? 300);

  // Fit into the viewport with a margin, keeping the aspect ratio.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 60;
  const scale = Math.min(
    1.4,
    (options.width - 2 * margin) / Math.max(1, maxX - minX),
    (options.height - 2 * margin) / Math.max(1, maxY - minY),
  );
  const offsetX = options.width / 2 - ((minX + maxX) / 2) * scale;
  const offsetY = options.height / 2 - ((minY + maxY) / 2) * scale;
  return new Map(
    nodes.map((n) => [n.id, { id: n.id, x: (n.x ?? 0) * scale + offsetX, y: (n.y ?? 0) * scale + offsetY }]),
  );
}
