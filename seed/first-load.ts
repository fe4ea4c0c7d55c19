// Decides, part by part, whether a load may use the CREATE statements instead of MERGE. CREATE writes
// exactly what MERGE would only if nothing it writes can already exist, so this checks that cheaply
// and falls back to MERGE (for the rest of the run) at the first doubt.
import type { NodeLabel } from '../model/data-model.ts';
import type { NodeRow, RelationshipRow } from './graph-rows.ts';
import type { WriteMode } from './load-statements.ts';

/**
 * Why the checks suffice: the graph held none of our nodes when the run began, so a node exists only
 * if an earlier part of this run created it; node ids never repeat within the run (a repeat would make
 * CREATE fail on the constraint where MERGE updates); and a relationship can only be written once both
 * ends exist. A relationship row must name a node of its own part, and its (type, from, to) must not
 * repeat within the part: then the same relationship in an earlier part found that node missing and
 * wrote nothing, so CREATE never makes a second copy of one MERGE would have found.
 */
export class FirstLoadGuard {
  private readonly seen = new Set<string>();
  private open: boolean;

  constructor(graphWasEmpty: boolean) {
    this.open = graphWasEmpty;
  }

  modeFor(
    nodes: ReadonlyMap<NodeLabel, readonly NodeRow[]>,
    relationships: readonly RelationshipRow[],
  ): WriteMode {
    if (this.open) this.open = this.admit(nodes, relationships);
    return this.open ? 'create' : 'merge';
  }

  private admit(
    nodes: ReadonlyMap<NodeLabel, readonly NodeRow[]>,
    relationships: readonly RelationshipRow[],
  ) {
    const own = new Set<string>();
    for (const rows of nodes.values()) {
      for (const { id } of rows) {
        if (this.seen.has(id)) return false;
        this.seen.add(id);
        own.add(id);
      }
    }
    const triples = new Set<string>();
    for (const r of relationships) {
      if (!own.has(r.from) && !own.has(r.to)) return false;
      const key = `${r.type}\u0000${r.from}\u0000${r.to}`;
      if (triples.has(key)) return false;
      triples.add(key);
    }
    return true;
  }
}
