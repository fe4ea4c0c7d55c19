// The data model's allow-list. Labels and relationship types reach Cypher only from these constants,
// never from a caller's string.
export const NODE_LABELS = ['Subject', 'Field', 'Skill', 'Career', 'Course', 'Application'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The full-text index over name, aliases and description that `search` reads. */
export const SEARCH_INDEX = 'node_search';

/** Every curated node also carries this label, whose uniqueness constraint makes ids unique across kinds. */
export const ENTITY_LABEL = 'Entity';

export const RELATIONSHIP_TYPES = [
  'LEADS_TO',
  'INCLUDES',
  'REQUIRES',
  'DRAWS_ON',
  'DEVELOPS',
  'TEACHES',
  'APPLIED_IN',
  'USED_IN',
  'RELATED_TO',
  'PART_OF',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Which labels each relationship type may join, as the architecture's data model gives them. */
export const RELATIONSHIP_ENDPOINTS: Readonly<
  Record<RelationshipType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }>
> = {
  LEADS_TO: { from: ['Subject'], to: ['Field'] },
  INCLUDES: { from: ['Field'], to: ['Career'] },
  REQUIRES: { from: ['Career'], to: ['Skill'] },
  DRAWS_ON: { from: ['Career'], to: ['Subject'] },
  DEVELOPS: { from: ['Subject'], to: ['Skill'] },
  TEACHES: { from: ['Course'], to: ['Subject', 'Skill'] },
  APPLIED_IN: { from: ['Subject', 'Skill'], to: ['Application'] },
  USED_IN: { from: ['Application'], to: ['Career'] },
  RELATED_TO: { from: ['Career'], to: ['Career'] },
  PART_OF: { from: ['Field'], to: ['Field'] },
};

/**
 * How much a step along a relationship without a weight of its own counts when paths are ranked.
 * Belonging (INCLUDES, PART_OF) is definitional; a course or an application is a looser, illustrative
 * link, so a path through them should not outrank one through a field.
 */
export const PLAIN_LINK_STRENGTH: Readonly<Record<RelationshipType, number>> = {
  LEADS_TO: 0.5,
  INCLUDES: 1,
  REQUIRES: 0.5,
  DRAWS_ON: 0.5,
  DEVELOPS: 0.5,
  TEACHES: 0.7,
  APPLIED_IN: 0.6,
  USED_IN: 0.6,
  RELATED_TO: 0.5,
  PART_OF: 0.9,
};

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** Ids are slugs: they appear in URLs and saved plans, so they stay plain. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 100;
