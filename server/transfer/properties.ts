// The rules a node's or a relationship's properties must meet, read off the data model so an import,
// a counsellor's edit and the curated files can never disagree on what a valid career or link is.
import type { z } from 'zod';
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../../model/data-model.ts';
import { nodePropertiesSchema, relationshipPropertiesSchema } from '../../model/rules.ts';
import { isPropertyValue, type Properties } from '../../model/values.ts';

const NODE_SCHEMAS = Object.fromEntries(
  NODE_LABELS.map((label) => [label, nodePropertiesSchema(label)]),
) as Record<NodeLabel, z.ZodType>;

const RELATIONSHIP_SCHEMAS = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => [type, relationshipPropertiesSchema(type)]),
) as Record<RelationshipType, z.ZodType>;

export interface PropertyIssue {
  /** The property at fault, or null for the record as a whole. */
  property: string | null;
  message: string;
}

/** "description is required", "kind: Invalid option: …". */
export function describeIssue(issue: PropertyIssue): string {
  const what = issue.property ?? 'record';
  return issue.message === 'is required' ? `${what} is required` : `${what}: ${issue.message}`;
}

function check(schema: z.ZodType, props: Properties): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (!isPropertyValue(value)) {
      issues.push({
        property: key,
        message: 'must be text, a number, true/false, or a list of only texts or only numbers',
      });
    }
  }
  const result = schema.safeParse(props);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [first] = issue.path;
      const property = first === undefined ? null : String(first);
      const missing = property !== null && props[property] === undefined;
      issues.push({ property, message: missing ? 'is required' : issue.message });
    }
  }
  return issues;
}

export function checkNodeProperties(label: NodeLabel, props: Properties): PropertyIssue[] {
  return check(NODE_SCHEMAS[label], props);
}

export function checkRelationshipProperties(type: RelationshipType, props: Properties): PropertyIssue[] {
  return check(RELATIONSHIP_SCHEMAS[type], props);
}
