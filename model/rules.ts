// The zod rules derived from the data model: one rule per property, and from them the seed files'
// schemas, the import checks and the curation checks, so every way into the graph agrees on what a
// valid value is and says so in the same words.
import { z } from 'zod';
import {
  ID_RULE,
  RELATIONSHIPS,
  STORED_ENUMS,
  nodeProperties,
  relationshipSpec,
  type NodeLabel,
  type PropertySpec,
  type RelationshipType,
} from './data-model.ts';
import type { SeedRecord } from './types.ts';

export const slug = z.string().max(ID_RULE.maxLength).regex(ID_RULE.regex, ID_RULE.message);

function textRule(min: number, max: number, pattern?: { regex: RegExp; message: string }): z.ZodString {
  // The pattern comes first: "must be an O*NET-SOC code such as …" helps more than a length.
  let rule = z.string().trim();
  if (pattern) rule = rule.regex(pattern.regex, pattern.message);
  return rule
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);
}

/** The rule for one property's value, without regard to whether it is required. */
export function propertyRule(property: PropertySpec): z.ZodType {
  switch (property.type) {
    case 'text':
      return textRule(property.min, property.max, property.pattern);
    case 'integer':
    case 'number': {
      let rule = z.number({ error: 'must be a number' });
      if (property.type === 'integer') rule = rule.int('must be a whole number');
      rule = property.exclusiveMin
        ? rule.gt(property.min, `must be more than ${property.min}`)
        : rule.min(property.min, `must be at least ${property.min}`);
      return rule.max(property.max, `must be at most ${property.max}`);
    }
    case 'textList':
      return z
        .array(textRule(property.itemMin, property.itemMax), { error: 'must be a list of texts' })
        .max(property.maxItems, `must have at most ${property.maxItems} entries`);
    case 'boolean':
      return z.boolean({ error: 'must be true or false' });
    case 'enum': {
      const values = STORED_ENUMS[property.enum];
      return z.enum(values, { error: `must be one of ${values.join(', ')}` });
    }
  }
}

/** The rule as a record carries it: absent lists default to empty; other optional values may be left out. */
function fieldRule(property: PropertySpec): z.ZodType {
  const rule = propertyRule(property);
  if (property.required) return rule;
  return property.type === 'textList' ? rule.default([]) : rule.optional();
}

function propertiesShape(properties: readonly PropertySpec[]): Record<string, z.ZodType> {
  return Object.fromEntries(properties.map((p) => [p.name, fieldRule(p)]));
}

/**
 * A node's stored properties as an import carries them. `loose`: provenance (source, createdAt,
 * retiredAt) and facts such as an O*NET element id travel with a node too; the importer checks them
 * for a storable type rather than rejecting them.
 */
export function nodePropertiesSchema(label: NodeLabel): z.ZodType {
  return z.looseObject(propertiesShape(nodeProperties(label)));
}

/** A relationship's properties as an import carries them (loose, as for nodes). */
export function relationshipPropertiesSchema(type: RelationshipType): z.ZodType {
  return z.looseObject(propertiesShape(relationshipSpec(type).properties));
}

function linkListShape(label: NodeLabel): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const type of Object.keys(RELATIONSHIPS) as RelationshipType[]) {
    const spec = relationshipSpec(type);
    for (const embedding of spec.seed) {
      if (embedding.in !== label) continue;
      const row = z.strictObject({ [embedding.end]: slug, ...propertiesShape(spec.properties) });
      if (embedding.single) shape[embedding.key] = row.optional();
      else {
        const list = z.array(row);
        shape[embedding.key] = embedding.min ? list.min(embedding.min) : list.default([]);
      }
    }
  }
  return shape;
}

/** The schema of one record of a seed file of `label`, with the links written inside it. */
export function seedRecordSchema<L extends NodeLabel>(label: L): z.ZodType<SeedRecord<L>> {
  const schema = z.strictObject({
    id: slug,
    ...propertiesShape(nodeProperties(label)),
    ...linkListShape(label),
  });
  // The shape is built from the same model entries SeedRecord<L> is read from, so the two agree by
  // construction; test/unit/data-model.test.ts parses real seed records to prove it.
  return schema as unknown as z.ZodType<SeedRecord<L>>;
}

/** Seed schemas for every kind. */
export const SEED_SCHEMAS: { readonly [L in NodeLabel]: z.ZodType<SeedRecord<L>> } = {
  Subject: seedRecordSchema('Subject'),
  Field: seedRecordSchema('Field'),
  Skill: seedRecordSchema('Skill'),
  Career: seedRecordSchema('Career'),
  Course: seedRecordSchema('Course'),
  Application: seedRecordSchema('Application'),
};
