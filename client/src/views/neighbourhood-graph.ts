// Draws a node's neighbourhood as an SVG graph: nodes coloured by kind, edges that explain
// themselves on hover or focus, and every node a keyboard-reachable link to its own neighbourhood.
import { drag } from 'd3-drag';
import { select } from 'd3-selection';
import { zoom } from 'd3-zoom';
import type { NeighbourhoodQuery } from '../api/generated/graphql.ts';
import { kindInfo } from './kinds.ts';
import { computeLayout } from './layout.ts';

type Neighbourhood = NeighbourhoodQuery['neighbourhood'];

const WIDTH = 960;
const HEIGHT = 600;

export function renderNeighbourhood(
  container: HTMLElement,
  data: Neighbourhood,
  onOpen: (id: string) => void,
): void {
  const positions = computeLayout(
    data.nodes.map((n) => n.id),
    data.edges.map((e) => ({ source: e.from, target: e.to, weight: e.weight })),
    { width: WIDTH, height: HEIGHT, centerId: data.center.id },
  );
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  // Where each node is now: the seeded layout to start with, then wherever the person drags it.
  const placed = new Map([...positions].map(([id, p]) => [id, { x: p.x, y: p.y }]));
  const at = (id: string) => placed.get(id) ?? { x: WIDTH / 2, y: HEIGHT / 2 };

  container.replaceChildren();
  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
    .attr('role', 'group')
    .attr('aria-label', `Graph of ${data.center.name} and ${data.nodes.length - 1} connected nodes`);
  const canvas = svg.append('g');
  svg.call(
    zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.4, 4])
      .on('zoom', (event: { transform: { toString(): string } }) =>
        canvas.attr('transform', event.transform.toString()),
      ),
  );

  const lines = canvas
    .append('g')
    .attr('class', 'edges')
    .selectAll('line')
    .data(data.edges)
    .join('line')
    .attr('stroke-width', (e) => 1 + 3 * (e.weight ?? 0.3));
  lines
    .append('title')
    .text(
      (e) =>
        `${names.get(e.from) ?? e.from} → ${names.get(e.to) ?? e.to} (${e.type.toLowerCase().replace('_', ' ')}): ${e.why}`,
    );

  const nodes = canvas
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, (typeof data.nodes)[number]>('g')
    .data(data.nodes)
    .join('g')
    .attr('class', (n) => (n.id === data.center.id ? 'node center' : 'node'))
    .attr('data-id', (n) => n.id)
    .attr('data-kind', (n) => n.kind)
    .attr('tabindex', 0)
    .attr('role', 'link')
    .attr('aria-label', (n) => `${kindInfo(n.kind).label}: ${n.name}. Open its connections.`)
    .on('click', (_event, n) => onOpen(n.id))
    .on('keydown', (event: KeyboardEvent, n) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onOpen(n.id);
      }
    });

  const draw = () => {
    lines
      .attr('x1', (e) => at(e.from).x)
      .attr('y1', (e) => at(e.from).y)
      .attr('x2', (e) => at(e.to).x)
      .attr('y2', (e) => at(e.to).y);
    nodes.attr('transform', (n) => `translate(${at(n.id).x},${at(n.id).y})`);
  };
  draw();
  // Dragging moves a node and its links; a drag that moves at all is not a click, so it never navigates.
  nodes.call(
    drag<SVGGElement, (typeof data.nodes)[number]>()
      .subject((_event, n) => at(n.id))
      .on('start', (event: { sourceEvent: Event }, n) => {
        event.sourceEvent.stopPropagation();
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

  container.append(outline(data, names));

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

/** The graph's accessible twin: the same nodes and relationships as a list a screen reader can walk. */
function outline(data: Neighbourhood, names: ReadonlyMap<string, string>): HTMLDetailsElement {
  const details = document.createElement('details');
  details.className = 'graph-outline';
  const summary = document.createElement('summary');
  summary.textContent = `The same graph as a list (${data.nodes.length} nodes, ${data.edges.length} links)`;
  const list = document.createElement('ul');
  for (const edge of data.edges) {
    const item = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = `${names.get(edge.from) ?? edge.from} → ${names.get(edge.to) ?? edge.to}`;
    item.append(title, ` (${edge.type.toLowerCase().replace('_', ' ')}): ${edge.why}`);
    list.append(item);
  }
  details.append(summary, list);
  return details;
}
