// A seeded force layout: the same nodes and edges always settle in the same place, so a shared link
// looks the same on every screen, and tests can check positions without a browser. The SVG view runs it
// to the end at once (computeLayout); the Canvas view runs the same simulation step by step in a worker
// (createLayoutRunner), so both settle on the same positions.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
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

interface SimLink extends SimulationLinkDatum<LayoutNode> {
  weight: number;
}

export const LAYOUT_SEED = 0.4242;
/** With d3's default alpha decay, alpha falls below alphaMin (0.001) after exactly this many ticks. */
export const LAYOUT_TICKS = 300;

export interface LayoutSimulation {
  simulation: Simulation<LayoutNode, SimLink>;
  /** The simulation's nodes, sorted by id (the order forces see them in). */
  nodes: LayoutNode[];
}

/** The one place the forces are defined; the simulation comes back stopped, for the caller to tick. */
export function buildLayoutSimulation(
  ids: readonly string[],
  links: readonly LayoutLink[],
  centerId?: string,
): LayoutSimulation {
  const nodes: LayoutNode[] = [...ids].sort().map((id) => ({ id }));
  const centre = nodes.find((n) => n.id === centerId);
  if (centre) {
    centre.fx = 0;
    centre.fy = 0;
  }
  const known = new Set(ids);
  const simLinks: SimLink[] = links
    .filter((l) => known.has(l.source) && known.has(l.target))
    .map((l) => ({ source: l.source, target: l.target, weight: l.weight ?? 0.5 }))
    // Forces are applied in array order, so a stable order is part of a stable layout.
    .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const simulation = forceSimulation(nodes)
    .randomSource(randomLcg(LAYOUT_SEED))
    .force(
      'link',
      forceLink<LayoutNode, SimLink>(simLinks)
        .id((d) => d.id)
        .distance((l) => 70 + 50 * (1 - l.weight)),
    )
    .force('charge', forceManyBody().strength(-220))
    .force('collide', forceCollide(26))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.06))
    .stop();
  return { simulation, nodes };
}

export function computeLayout(
  ids: readonly string[],
  links: readonly LayoutLink[],
  options: { width: number; height: number; centerId?: string; ticks?: number },
): Map<string, Positioned> {
  const { simulation, nodes } = buildLayoutSimulation(ids, links, options.centerId);
  simulation.tick(options.ticks ?? LAYOUT_TICKS);

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

export interface LayoutRunner {
  /** Runs up to `maxTicks` ticks, stopping early once settled (at once if `deadline` from performance.now() passes); true when settled. */
  step(maxTicks: number, deadline?: number): boolean;
  /** Positions as x0, y0, x1, y1… in the order of the ids given to createLayoutRunner (unfitted coordinates). */
  positions(): Float32Array;
  /** Holds a node where the pointer is, and keeps the layout moving around it while held. */
  hold(index: number, x: number, y: number): void;
  /** The pointer let go: held nodes stay where they were dropped, and the rest settles around them. */
  release(): void;
  /** Moves one node and pins it there without reheating: for reduced motion, where nothing else moves. */
  place(index: number, x: number, y: number): void;
  ticks(): number;
}

/** The step-by-step form of the same simulation, as the layout worker drives it. */
export function createLayoutRunner(
  ids: readonly string[],
  links: readonly LayoutLink[],
  centerId?: string,
): LayoutRunner {
  const { simulation, nodes } = buildLayoutSimulation(ids, links, centerId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Input order, so the caller can index positions by its own array without sending ids back and forth.
  const ordered = ids.map((id) => byId.get(id) ?? { id, x: 0, y: 0 });
  let ticks = 0;
  const settled = () => simulation.alpha() < simulation.alphaMin() && simulation.alphaTarget() === 0;
  return {
    step(maxTicks, deadline = Infinity) {
      for (let i = 0; i < maxTicks && !settled(); i++) {
        simulation.tick();
        ticks++;
        if (performance.now() >= deadline) break;
      }
      return settled();
    },
    positions() {
      const out = new Float32Array(ordered.length * 2);
      ordered.forEach((n, i) => {
        out[2 * i] = n.x ?? 0;
        out[2 * i + 1] = n.y ?? 0;
      });
      return out;
    },
    hold(index, x, y) {
      const n = ordered[index];
      if (!n) return;
      n.fx = x;
      n.fy = y;
      simulation.alphaTarget(0.3);
    },
    release() {
      simulation.alphaTarget(0);
    },
    place(index, x, y) {
      const n = ordered[index];
      if (!n) return;
      n.x = n.fx = x;
      n.y = n.fy = y;
    },
    ticks: () => ticks,
  };
}
