// One path drawn as a left-to-right chain of nodes, the reason for every step beneath it, and the
// score explained on request. Shared by the careers view and the two-node paths view.
import type { NodeKind } from '../api/generated/graphql.ts';
import { el, viewLink } from './dom.ts';
import { kindInfo } from './kinds.ts';

interface ChainNode {
  id: string;
  name: string;
  kind: NodeKind;
}

export interface ChainPath {
  score: number;
  explanation: string;
  steps: readonly { from: ChainNode; to: ChainNode; edge: { why: string } }[];
}

export function pathChain(
  path: ChainPath,
  openNode: (id: string) => void,
  attributes: Record<string, string> = {},
): HTMLLIElement {
  const first = path.steps[0]?.from;
  const nodes = first ? [first, ...path.steps.map((s) => s.to)] : [];
  const items: HTMLElement[] = [];
  nodes.forEach((node, i) => {
    if (i > 0) items.push(el('div', { class: 'step-link', 'aria-hidden': 'true' }, '→'));
    items.push(
      el(
        'div',
        { class: 'step-node', style: `--kind-colour: ${kindInfo(node.kind).colour}` },
        el('span', { class: 'kind' }, kindInfo(node.kind).label),
        viewLink(`/?node=${encodeURIComponent(node.id)}`, node.name, () => openNode(node.id)),
      ),
    );
  });
  return el(
    'li',
    { class: 'career-path', ...attributes },
    el('div', { class: 'chain' }, ...items),
    el(
      'ol',
      { class: 'step-reasons' },
      ...path.steps.map((s) => el('li', {}, el('strong', {}, `${s.from.name} → ${s.to.name}: `), s.edge.why)),
    ),
    el(
      'details',
      {},
      el('summary', {}, `Fit score ${Math.round(path.score * 100)} of 100 — how is this worked out?`),
      el('p', {}, path.explanation),
    ),
  );
}
