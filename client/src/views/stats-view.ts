// Counts per kind, as a list of cards.
import type { StatsQuery } from '../api/generated/graphql.ts';
import { kindInfo } from './kinds.ts';

export function renderStats(container: HTMLElement, stats: StatsQuery['stats']): void {
  const list = document.createElement('ul');
  list.className = 'stats';
  for (const { kind, count: total } of stats.nodes) {
    const info = kindInfo(kind);
    const item = document.createElement('li');
    item.dataset.kind = kind;
    item.style.setProperty('--kind-colour', info.colour);
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(total);
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = info.plural;
    item.append(count, label);
    list.append(item);
  }
  const total = document.createElement('p');
  total.className = 'totals';
  total.textContent = `${stats.totalNodes} nodes and ${stats.totalRelationships} relationships, each with a reason.`;
  container.replaceChildren(list, total);
}
