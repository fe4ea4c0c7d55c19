// Counts per kind, as a list of cards.
import type { StatsQuery } from '../api/generated/graphql.ts';
import { kindInfo } from './kinds.ts';

export function renderStats(container: HTMLElement, stats: StatsQuery['stats']): void {
  const list = document.createElement('ul');
  list.className = 'stats';
  for (const { kind, count } of stats.nodes) {
    const info = kindInfo(kind);
    const item = document.createElement('li');
    item.dataset.kind = kind;
    item.style.setProperty('--kind-colour', info.colour);
    item.innerHTML = `<span class="count"></span><span class="label"></span>`;
    item.querySelector('.count')!.textContent = String(count);
    item.querySelector('.label')!.textContent = info.plural;
    list.append(item);
  }
  const total = document.createElement('p');
  total.className = 'totals';
  total.textContent = `${stats.totalNodes} nodes and ${stats.totalRelationships} relationships, each with a reason.`;
  container.replaceChildren(list, total);
}
