// The graph's allow-list. Labels and relationship types reach Cypher only from these constants, never
// from a caller's string; they come from the data model (model/data-model.ts), written once.
import {
  RELATIONSHIPS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../../model/data-model.ts';

export {
  ENTITY_LABEL,
  ID_MAX_LENGTH,
  ID_PATTERN,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  isNodeLabel,
  isRelationshipType,
  type NodeLabel,
  type RelationshipType,
} from '../../model/data-model.ts';

/** The full-text index over name, aliases and description that `search` reads. */
export const SEARCH_INDEX = 'node_search';

/** Which labels each relationship type may join. */
export const RELATIONSHIP_ENDPOINTS: Readonly<
  Record<RelationshipType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }>
> = RELATIONSHIPS;

/** How much a step along a relationship without a weight of its own counts when paths are ranked. */
export const PLAIN_LINK_STRENGTH = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => [type, RELATIONSHIPS[type].plainStrength]),
) as Readonly<Record<RelationshipType, number>>;
