// Cypher expressions shared by several queries, so every query reads an edge's strength the same way.
// They contain no user input: only names bound inside the calling statement and the model's constants.
import { PLAIN_LINK_STRENGTH, RELATIONSHIP_TYPES } from './model.ts';

const PLAIN_STRENGTH_CASE = (r: string) =>
  `CASE type(${r}) ${RELATIONSHIP_TYPES.map((t) => `WHEN '${t}' THEN ${PLAIN_LINK_STRENGTH[t]}`).join(' ')} ELSE 0.5 END`;

/** The edge map every query returns: type, endpoints, reason and strength where it has one. */
export function edgeMap(r: string): string {
  return `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, why: ${r}.why, weight: coalesce(${r}.weight, ${r}.importance, ${r}.score)}`;
}

/** A step's strength: its weight, importance or score, or the plain-link strength of its type. */
export function strength(r: string): string {
  return `coalesce(${r}.weight, ${r}.importance, ${r}.score, ${PLAIN_STRENGTH_CASE(r)})`;
}

/** The product of the strengths along a list of relationships. */
export function pathScore(rels: string): string {
  return `reduce(s = 1.0, r IN ${rels} | s * ${strength('r')})`;
}
