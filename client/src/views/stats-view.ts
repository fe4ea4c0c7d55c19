// Counts per kind, as a list of cards.
import type { StatsQuery } from '../api/generated/graphql.ts';
import { el } from './dom.ts';
import { kindInfo } from './kinds.ts';

export function renderStats(container: HTMLElement, stats: StatsQuery['stats']): void {
  const list = el(
    'ul',
    { class: 'stats' },
    ...stats.nodes.map(({ kind, count }) => {
      const info = kindInfo(kind);
      const item = el(
        'li',
        { 'data-kind': kind },
        el('span', { class: 'count' }, String(count)),
        el('span', { class: 'label' }, info.plural),
      );
      item.style.setProperty('--kind-colour', info.colour);
      return item;
    }),
  );
  container.replaceChildren(
    list,
    el(
      'p',
      { class: 'totals' },
      `${stats.totalNodes} nodes and ${stats.totalRelationships} relationships, each with a reason.`,
    ),
  );
}
