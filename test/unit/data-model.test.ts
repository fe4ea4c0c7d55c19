// Walks the data model (model/data-model.ts) and fails wherever the contract or a derived list
// disagrees with it: schema.graphql's node types, NodeFieldsInput and enums, the CSV columns, the
// seed schemas, the record mapper and the curation checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  NODE_LABELS,
  NODE_PROVENANCE,
  RELATIONSHIP_PROVENANCE,
  RELATIONSHIP_TYPES,
  STORED_ENUMS,
  allNodeProperties,
  allRelationshipProperties,
  apiName,
  defaultPathTypes,
  nodeProperties,
  relationshipSpec,
  type PropertySpec,
} from '../../model/data-model.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../../model/paths.ts';
import { propertyRule, SEED_SCHEMAS } from '../../model/rules.ts';
import { readSeedDirectory, SEED_KIND_OF_LABEL } from '../../seed/read.ts';
import { nodeFromProperties } from '../../server/graph/node-mapper.ts';
import {
  hasLevel,
  linkProperties,
  nodeProperties as curatedProperties,
} from '../../server/resolvers/curation-input.ts';
import { ENUM_VALUES } from '../../server/resolvers/enum-values.ts';
import { shapeNode } from '../../server/resolvers/shape.ts';
import { NODE_COLUMNS, RELATIONSHIP_COLUMNS } from '../../server/transfer/csv.ts';

const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
const seed = readSeedDirectory(SEED_DATA_DIR).data;

/** The GraphQL type a property should have, as SDL: `String!`, `[String!]!`, `SkillKind!`; `Int` when it may be unknown. */
function expectedSdl(property: PropertySpec): string {
  const known = property.required ? '!' : '';
  switch (property.type) {
    case 'text':
      return `String${known}`;
    case 'integer':
      return `Int${known}`;
    case 'number':
      return `Float${known}`;
    case 'textList':
      return '[String!]!';
    case 'enum':
      return `${property.enum}${known}`;
    case 'boolean':
      return `Boolean${known}`;
  }
}

const sdl = (type: GraphQLOutputType | GraphQLInputType): string => String(type);

function enumType(name: string): GraphQLEnumType {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`schema.graphql has no enum ${name}`);
  return type;
}

const enumNames = (name: string): string[] =>
  enumType(name)
    .getValues()
    .map((v) => v.name);

describe('the data model and schema.graphql', () => {
  it.each(NODE_LABELS)('%s: the object type has exactly the model’s properties, typed alike', (label) => {
    const type = schema.getType(label);
    if (!isObjectType(type)) throw new Error(`schema.graphql has no type ${label}`);
    const fields = type.getFields();
    const expected = Object.fromEntries(nodeProperties(label).map((p) => [apiName(p), expectedSdl(p)]));
    const actual = Object.fromEntries(
      Object.entries(fields)
        .filter(([name]) => name !== 'id' && name !== 'kind')
        .map(([name, field]) => [name, sdl(field.type)]),
    );
    expect(actual).toEqual(expected);
  });

  it('NodeFieldsInput has one optional field per model property, typed alike', () => {
    const input = schema.getType('NodeFieldsInput');
    if (!isInputObjectType(input)) throw new Error('schema.graphql has no NodeFieldsInput');
    const actual = Object.fromEntries(
      Object.entries(input.getFields()).map(([name, field]) => [name, sdl(field.type)]),
    );
    const expected = Object.fromEntries(
      allNodeProperties().map((p) => [apiName(p), expectedSdl(p).replace(/!$/, '')]),
    );
    expect(actual).toEqual(expected);
  });

  it('every stored enum is a GraphQL enum whose values map to exactly the stored ones', () => {
    for (const [name, stored] of Object.entries(STORED_ENUMS)) {
      const map: Readonly<Record<string, string>> = ENUM_VALUES[name as keyof typeof STORED_ENUMS];
      expect(enumNames(name).sort()).toEqual(Object.keys(map).sort());
      expect(Object.values(map).sort()).toEqual([...stored].sort());
    }
  });

  it('NodeKind names every kind and RelationshipType every relationship type', () => {
    expect(Object.values(ENUM_VALUES.NodeKind)).toEqual([...NODE_LABELS]);
    expect(enumNames('NodeKind')).toEqual(Object.keys(ENUM_VALUES.NodeKind));
    expect(enumNames('RelationshipType')).toEqual([...RELATIONSHIP_TYPES]);
  });

  it('every enum in ENUM_VALUES exists in schema.graphql with the same values', () => {
    for (const [name, map] of Object.entries(ENUM_VALUES)) {
      expect(enumNames(name).sort()).toEqual(Object.keys(map).sort());
    }
  });

  it('LinkInput carries every relationship property: the strength as weight, level and why', () => {
    const input = schema.getType('LinkInput');
    if (!isInputObjectType(input)) throw new Error('schema.graphql has no LinkInput');
    const fields = input.getFields();
    for (const property of allRelationshipProperties()) {
      const isStrength = RELATIONSHIP_TYPES.some((t) => relationshipSpec(t).strength === property.name);
      const field = fields[isStrength ? 'weight' : property.name];
      expect(field, property.name).toBeDefined();
      if (property.type === 'enum' && field) expect(getNamedType(field.type).name).toBe(property.enum);
    }
  });
});

describe('lists derived from the model', () => {
  it('the CSV columns are the keys, every model property once, provenance, then `properties`', () => {
    expect(NODE_COLUMNS).toEqual([
      'label',
      'id',
      ...new Set(NODE_LABELS.flatMap((l) => nodeProperties(l).map((p) => p.name))),
      ...NODE_PROVENANCE,
      'properties',
    ]);
    expect(RELATIONSHIP_COLUMNS).toEqual([
      'type',
      'from',
      'to',
      ...new Set(RELATIONSHIP_TYPES.flatMap((t) => relationshipSpec(t).properties.map((p) => p.name))),
      ...RELATIONSHIP_PROVENANCE,
      'properties',
    ]);
    // A column name means one thing: `level` is text for courses and for REQUIRES alike.
    expect(NODE_COLUMNS).toContain('outlookNote');
  });

  it.each(NODE_LABELS)(
    '%s: the seed schema accepts the curated records and keeps only model keys',
    (label) => {
      const records = seed[SEED_KIND_OF_LABEL[label]];
      expect(records.length).toBeGreaterThan(0);
      const embedded = RELATIONSHIP_TYPES.flatMap((t) =>
        relationshipSpec(t)
          .seed.filter((e) => e.in === label)
          .map((e) => e.key),
      );
      const allowed = new Set(['id', ...nodeProperties(label).map((p) => p.name), ...embedded]);
      for (const record of records) {
        const parsed = SEED_SCHEMAS[label].parse(record);
        for (const key of Object.keys(parsed)) expect(allowed.has(key), `${label} ${key}`).toBe(true);
      }
      const [first] = records;
      expect(() => SEED_SCHEMAS[label].parse({ ...first, notInTheModel: 'x' })).toThrow();
    },
  );

  it.each(NODE_LABELS)('%s: a stored node maps and shapes to exactly its GraphQL fields', (label) => {
    const [record] = seed[SEED_KIND_OF_LABEL[label]];
    if (!record) throw new Error(`no curated ${label}`);
    const shaped = shapeNode(nodeFromProperties(label, record));
    const type = schema.getType(label);
    if (!isObjectType(type)) throw new Error(`no type ${label}`);
    // Every field the record holds, and nothing else: what it lacks is null in the API, and only an
    // optional field may be lacking.
    const fields = type.getFields();
    const present = Object.keys(shaped).filter((k) => k !== '__typename');
    const absent = Object.keys(fields).filter((k) => !present.includes(k));
    expect(present.every((k) => k in fields)).toBe(true);
    for (const name of absent) expect(isNonNullType(fields[name]?.type), name).toBe(false);
    expect(shaped.__typename).toBe(label);
    for (const property of nodeProperties(label)) {
      const value = (shaped as Record<string, unknown>)[apiName(property)];
      if (value === undefined && !property.required) continue;
      expect(propertyRule(property).safeParse(value).success, `${label}.${apiName(property)}`).toBe(true);
    }
  });
});

describe('curation checks from the model', () => {
  it('a new node needs every required property of its kind, by API name', () => {
    for (const label of NODE_LABELS) {
      for (const property of nodeProperties(label).filter((p) => p.required)) {
        const [record] = seed[SEED_KIND_OF_LABEL[label]];
        if (!record) throw new Error(`no curated ${label}`);
        const fields = Object.fromEntries(
          nodeProperties(label)
            .filter((p) => p !== property)
            .map((p) => [apiName(p), (record as Record<string, unknown>)[p.name]]),
        );
        expect(() => curatedProperties(label, fields, { argument: 'input', complete: true })).toThrow(
          `${apiName(property)}: a new ${label.toLowerCase()} needs a ${apiName(property)}.`,
        );
      }
    }
  });

  it('a field of another kind is refused, and a stored name is the API name’s', () => {
    expect(() =>
      curatedProperties('Subject', { outlookNote: 'Strong demand.' }, { argument: 'input', complete: false }),
    ).toThrow('a subject has no outlookNote');
    expect(curatedProperties('Skill', { skillKind: 'soft' }, { argument: 'input', complete: false })).toEqual(
      {
        kind: 'soft',
      },
    );
  });

  it('links carry their level where the model gives one (REQUIRES and TEACHES), and the bounds hold', () => {
    expect(RELATIONSHIP_TYPES.filter(hasLevel)).toEqual(['REQUIRES', 'TEACHES']);
    const why = 'Students meet this in every practical lesson.';
    expect(() => linkProperties({ type: 'TEACHES', from: 'a', to: 'b', why })).toThrow(
      'TEACHES needs the level it teaches.',
    );
    expect(() => linkProperties({ type: 'LEADS_TO', from: 'a', to: 'b', why, weight: 1.5 })).toThrow(
      'LEADS_TO needs a strength from 0 to 1.',
    );
    expect(() => linkProperties({ type: 'USED_IN', from: 'a', to: 'b', why: 'too short' })).toThrow(
      'why: must be at least 20 characters',
    );
    expect(
      linkProperties({ type: 'REQUIRES', from: 'a', to: 'b', why, weight: 0.8, level: 'advanced' }),
    ).toEqual({ why, importance: 0.8, level: 'advanced' });
  });

  it('a USES link carries inDemand when sent and leaves it out when not (absent means no)', () => {
    const why = 'O*NET lists Microsoft Excel among the spreadsheet software for this career.';
    expect(linkProperties({ type: 'USES', from: 'a', to: 'b', why, inDemand: true })).toEqual({
      why,
      inDemand: true,
    });
    expect(linkProperties({ type: 'USES', from: 'a', to: 'b', why })).toEqual({ why });
    expect(linkProperties({ type: 'USES', from: 'a', to: 'b', why, inDemand: null })).toEqual({ why });
  });

  it('lists and numbers keep the model’s bounds', () => {
    const career = nodeProperties('Career');
    const jobZone = career.find((p) => p.name === 'jobZone');
    if (!jobZone) throw new Error('no jobZone');
    expect(propertyRule(jobZone).safeParse(2.5).success).toBe(false);
    expect(propertyRule(jobZone).safeParse(6).success).toBe(false);
    const aliases = career.find((p) => p.name === 'aliases');
    if (!aliases) throw new Error('no aliases');
    expect(propertyRule(aliases).safeParse(Array.from({ length: 21 }, (_, i) => `name ${i}`)).success).toBe(
      false,
    );
  });
});

describe('path searches', () => {
  it('walk every relationship type that leads somewhere, and not USES, unless told which', () => {
    expect(defaultPathTypes()).not.toContain('USES');
    expect(defaultPathTypes()).toEqual(RELATIONSHIP_TYPES.filter((t) => t !== 'USES'));
  });
});
