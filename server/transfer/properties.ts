// The rules a node's or a relationship's properties must meet, taken from the seed's own schemas so
// an import and the curated files can never disagree on what a valid career or link is.
import type { z } from 'zod';
import {
  applicationSchema,
  careerSchema,
  courseSchema,
  fieldSchema,
  skillSchema,
  subjectSchema,
} from '../../seed/schema.ts';
import type { Properties, PropertyValue } from '../graph/entity-state.ts';
import type { NodeLabel, RelationshipType } from '../graph/model.ts';

const base = { name: true, description: true, aliases: true } as const;

// `loose`: provenance (source, createdAt, retiredAt) and facts such as an O*NET element id travel
// with a node too; they are checked for a storable type below rather than rejected.
const NODE_SCHEMAS: Record<NodeLabel, z.ZodType> = {
  Subject: subjectSchema.pick(base).loose(),
  Field: fieldSchema.pick(base).loose(),
  Skill: skillSchema.pick({ ...base, kind: true }).loose(),
  Career: careerSchema
    .pick({
      ...base,
      onetSoc: true,
      jobZone: true,
      education: true,
      riasec: true,
      outlook: true,
      outlookNote: true,
    })
    .loose(),
  Course: courseSchema.pick({ ...base, provider: true, format: true, level: true, hours: true }).loose(),
  Application: applicationSchema.pick({ ...base, example: true, reflectionPrompt: true }).loose(),
};

const careerLinks = careerSchema.shape;
const RELATIONSHIP_SCHEMAS: Record<RelationshipType, z.ZodType> = {
  LEADS_TO: subjectSchema.shape.leadsTo.element.omit({ field: true }).loose(),
  DEVELOPS: subjectSchema.shape.develops.element.omit({ skill: true }).loose(),
  INCLUDES: careerLinks.fields.element.omit({ field: true }).loose(),
  REQUIRES: careerLinks.requires.element.omit({ skill: true }).loose(),
  DRAWS_ON: careerLinks.drawsOn.element.omit({ subject: true }).loose(),
  RELATED_TO: careerLinks.relatedTo.unwrap().element.omit({ career: true }).loose(),
  TEACHES: courseSchema.shape.teachesSkills.unwrap().element.omit({ skill: true }).loose(),
  APPLIED_IN: applicationSchema.shape.appliesSkills.unwrap().element.omit({ skill: true }).loose(),
  USED_IN: applicationSchema.shape.usedIn.unwrap().element.omit({ career: true }).loose(),
  PART_OF: fieldSchema.shape.partOf.unwrap().omit({ field: true }).loose(),
};

/** Neo4j stores scalars and homogeneous lists of them; nothing nested. */
export function isPropertyValue(value: unknown): value is PropertyValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  return (
    value.every((v) => typeof v === 'string') ||
    value.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

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
