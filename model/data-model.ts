// The data model, written once: every node kind and relationship type, each property's name, type,
// bounds, enum values, whether it is required, and its storage and API names. The seed files' zod
// schemas, import checks, CSV columns, record mappers, the graph's types, the curation rules and the
// fields the client's forms show are all derived from this module (model/rules.ts and its callers);
// test/unit/data-model.test.ts fails when schema.graphql or the CSV columns disagree with it.
//
// Adding a property means: a line here, its field in schema.graphql, and the view that shows it.

/** The values of each stored enum. The API spells them upper-case (server/resolvers/enum-values.ts). */
export const STORED_ENUMS = {
  SkillKind: ['hard', 'soft', 'tool'],
  Outlook: ['bright', 'steady', 'limited'],
  CourseFormat: ['school', 'university', 'online', 'workshop'],
  CourseLevel: ['secondary', 'introductory', 'intermediate', 'advanced'],
  Level: ['basic', 'intermediate', 'advanced'],
} as const;
export type StoredEnumName = keyof typeof STORED_ENUMS;

interface PropertyCommon {
  /** The name in Neo4j, the seed files, import/export and CSV. */
  readonly name: string;
  /** The name in schema.graphql (object type and NodeFieldsInput), when it differs from `name`. */
  readonly api?: string;
  readonly required: boolean;
  /** What a form calls it, and what it tells the person filling it in. */
  readonly label: string;
  readonly hint?: string;
  /** Kept up to date by imports and loads only: forms leave it out (thousands of O*NET titles). */
  readonly importOnly?: boolean;
}

export interface TextProperty extends PropertyCommon {
  readonly type: 'text';
  readonly min: number;
  readonly max: number;
  /** Checked after trimming; `message` is what a person is told when it does not match. */
  readonly pattern?: { readonly regex: RegExp; readonly message: string };
  /** Long text: a form shows a text area. */
  readonly multiline?: boolean;
}

export interface NumberProperty extends PropertyCommon {
  readonly type: 'integer' | 'number';
  readonly min: number;
  readonly max: number;
  /** The minimum itself is not allowed (hours must be more than 0). */
  readonly exclusiveMin?: boolean;
}

export interface TextListProperty extends PropertyCommon {
  readonly type: 'textList';
  readonly itemMin: number;
  readonly itemMax: number;
  readonly maxItems: number;
}

export interface EnumProperty extends PropertyCommon {
  readonly type: 'enum';
  readonly enum: StoredEnumName;
}

/** A yes-or-no fact; absent means no. */
export interface BooleanProperty extends PropertyCommon {
  readonly type: 'boolean';
}

export type PropertySpec = TextProperty | NumberProperty | TextListProperty | EnumProperty | BooleanProperty;

/** Ids are slugs: they appear in URLs and saved plans, so they stay plain. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 100;

export const ID_RULE = {
  regex: ID_PATTERN,
  maxLength: ID_MAX_LENGTH,
  message: 'must be a lower-case slug such as "environmental-science"',
} as const;

const COMMON = [
  // O*NET's longest occupation title is 105 characters and its longest description 811.
  {
    name: 'name',
    type: 'text',
    min: 2,
    max: 120,
    required: true,
    label: 'Name',
    hint: '2 to 120 characters',
  },
  {
    name: 'description',
    type: 'text',
    min: 20,
    max: 1000,
    multiline: true,
    required: true,
    label: 'Description',
    hint: '20 to 1,000 characters, for a student',
  },
  {
    name: 'aliases',
    type: 'textList',
    itemMin: 2,
    itemMax: 80,
    maxItems: 20,
    required: false,
    label: 'Other names',
    hint: 'separated by commas',
  },
] as const satisfies readonly PropertySpec[];

/** Every node kind, in the order the API and the exports list them, with the properties it stores. */
export const NODE_KINDS = {
  Subject: { properties: [...COMMON] },
  Field: { properties: [...COMMON] },
  Skill: {
    properties: [
      ...COMMON,
      {
        name: 'kind',
        api: 'skillKind',
        type: 'enum',
        enum: 'SkillKind',
        required: true,
        label: 'Kind of skill',
      },
      {
        // The O*NET element a skill stands for (2.A.1.b is Active Listening): how a later O*NET release
        // finds the node again, whether O*NET made it or the crosswalk matched a curated one to it.
        name: 'onetElementId',
        type: 'text',
        min: 3,
        max: 20,
        pattern: { regex: /^\d(\.[0-9A-Za-z]+)+$/, message: 'must be an O*NET element id such as "2.A.1.b"' },
        required: false,
        label: 'O*NET element id',
        hint: 'such as 2.A.1.b',
      },
      {
        // O*NET's Hot Technology flag: set on the tools its release marks, absent (no) on the rest.
        name: 'hotTechnology',
        type: 'boolean',
        required: false,
        label: 'Hot technology',
        hint: 'O*NET marks technology employers often ask for in job postings',
      },
    ],
  },
  Career: {
    properties: [
      ...COMMON,
      {
        name: 'onetSoc',
        type: 'text',
        min: 10,
        max: 10,
        pattern: { regex: /^\d{2}-\d{4}\.\d{2}$/, message: 'must be an O*NET-SOC code such as "19-2041.00"' },
        required: true,
        label: 'O*NET-SOC code',
        hint: 'such as 19-2043.00',
      },
      // O*NET rates preparation, interests and education for most occupations but not all (the "All
      // Other" and most military ones), and none of its files rates outlook: each may be unknown.
      {
        name: 'jobZone',
        type: 'integer',
        min: 1,
        max: 5,
        required: false,
        label: 'Job zone',
        hint: '1 (little preparation) to 5',
      },
      { name: 'education', type: 'text', min: 5, max: 120, required: false, label: 'Typical route in' },
      {
        name: 'riasec',
        type: 'text',
        min: 1,
        max: 3,
        pattern: {
          regex: /^(?!.*(.).*\1)[RIASEC]{1,3}$/,
          message: 'must be one to three distinct letters of RIASEC, strongest first',
        },
        required: false,
        label: 'Holland (RIASEC) code',
        hint: 'such as IRC',
      },
      { name: 'outlook', type: 'enum', enum: 'Outlook', required: false, label: 'Outlook' },
      {
        name: 'outlookNote',
        type: 'text',
        min: 10,
        max: 300,
        multiline: true,
        required: false,
        label: 'Outlook note',
      },
      {
        // Search only: O*NET's alternate titles (up to 2,750 for one occupation) are how people look a
        // career up, too many to show.
        name: 'alternateTitles',
        type: 'textList',
        itemMin: 2,
        itemMax: 150,
        maxItems: 3000,
        required: false,
        importOnly: true,
        label: 'Other job titles',
        hint: 'searched, not shown',
      },
      {
        name: 'typicalDay',
        type: 'textList',
        itemMin: 10,
        itemMax: 400,
        maxItems: 5,
        required: false,
        label: 'A typical day',
        hint: 'up to five tasks, one sentence each',
      },
    ],
  },
  Course: {
    properties: [
      ...COMMON,
      { name: 'provider', type: 'text', min: 2, max: 120, required: true, label: 'Provider' },
      { name: 'format', type: 'enum', enum: 'CourseFormat', required: true, label: 'Format' },
      { name: 'level', type: 'enum', enum: 'CourseLevel', required: true, label: 'Level' },
      {
        name: 'hours',
        type: 'number',
        min: 0,
        exclusiveMin: true,
        max: 2000,
        required: true,
        label: 'Hours',
        hint: 'guided learning hours, more than 0',
      },
    ],
  },
  Application: {
    properties: [
      ...COMMON,
      { name: 'example', type: 'text', min: 30, max: 600, multiline: true, required: true, label: 'Example' },
      {
        name: 'reflectionPrompt',
        type: 'text',
        min: 15,
        max: 300,
        pattern: { regex: /\?$/, message: 'must be a question ending in "?"' },
        multiline: true,
        required: true,
        label: 'Question to reflect on',
      },
    ],
  },
} as const satisfies Record<string, { properties: readonly PropertySpec[] }>;

export type NodeLabel = keyof typeof NODE_KINDS;
export const NODE_LABELS = Object.keys(NODE_KINDS) as readonly NodeLabel[];

/** Every curated node also carries this label, whose uniqueness constraint makes ids unique across kinds. */
export const ENTITY_LABEL = 'Entity';

/**
 * Facts every node or relationship may carry beyond its kind's properties: where it came from and
 * when, and for O*NET-derived nodes the element they stand for. Import and export keep them.
 */
export const NODE_PROVENANCE = ['source', 'createdAt', 'retiredAt'] as const;
export const RELATIONSHIP_PROVENANCE = ['source', 'createdAt'] as const;

const WHY = {
  name: 'why',
  type: 'text',
  min: 20,
  max: 300,
  required: true,
  label: 'Why',
  hint: 'one sentence a student can read, 20 to 300 characters',
} as const satisfies TextProperty;

const strength = <N extends string>(name: N) =>
  ({ name, type: 'number', min: 0, max: 1, required: true, label: 'Strength', hint: '0 to 1' }) as const;
const LEVEL = { name: 'level', type: 'enum', enum: 'Level', required: true, label: 'Level needed' } as const;

/**
 * In a seed file, a relationship is written inside the record of the kind it starts from (or, for
 * `reverse`, ends at), under `key`, naming the other end by `end`. `min` is how many such links each
 * record needs; `single` is one object rather than a list.
 */
export interface SeedEmbedding {
  readonly in: NodeLabel;
  readonly key: string;
  readonly end: string;
  readonly endKind: NodeLabel;
  readonly min?: number;
  readonly single?: boolean;
}

export interface RelationshipSpec {
  readonly from: readonly NodeLabel[];
  readonly to: readonly NodeLabel[];
  readonly properties: readonly PropertySpec[];
  /** The property that holds the link's strength, when it has one. */
  readonly strength?: string;
  /**
   * How much a step along a link without a strength of its own counts when paths are ranked.
   * Belonging (INCLUDES, PART_OF) is definitional; a course or an application is a looser,
   * illustrative link, so a path through them should not outrank one through a field.
   */
  readonly plainStrength: number;
  /**
   * False for a link that describes one node rather than leading anywhere: a path search that names no
   * types leaves it out (two careers that both use Microsoft Excel are not a path between them).
   */
  readonly inPaths?: boolean;
  readonly seed: readonly SeedEmbedding[];
}

/** Every relationship type: which kinds it joins, its properties, and where the seed files write it. */
export const RELATIONSHIPS = {
  LEADS_TO: {
    from: ['Subject'],
    to: ['Field'],
    properties: [WHY, strength('weight')],
    strength: 'weight',
    plainStrength: 0.5,
    seed: [{ in: 'Subject', key: 'leadsTo', end: 'field', endKind: 'Field', min: 1 }],
  },
  INCLUDES: {
    from: ['Field'],
    to: ['Career'],
    properties: [WHY],
    plainStrength: 1,
    // Written in the career's record: "fields" it belongs to.
    seed: [{ in: 'Career', key: 'fields', end: 'field', endKind: 'Field', min: 1 }],
  },
  REQUIRES: {
    from: ['Career'],
    to: ['Skill'],
    properties: [WHY, strength('importance'), LEVEL],
    strength: 'importance',
    plainStrength: 0.5,
    seed: [{ in: 'Career', key: 'requires', end: 'skill', endKind: 'Skill', min: 4 }],
  },
  DRAWS_ON: {
    from: ['Career'],
    to: ['Subject'],
    properties: [WHY, strength('importance')],
    strength: 'importance',
    plainStrength: 0.5,
    seed: [{ in: 'Career', key: 'drawsOn', end: 'subject', endKind: 'Subject', min: 1 }],
  },
  DEVELOPS: {
    from: ['Subject'],
    to: ['Skill'],
    properties: [WHY, strength('weight')],
    strength: 'weight',
    plainStrength: 0.5,
    seed: [{ in: 'Subject', key: 'develops', end: 'skill', endKind: 'Skill', min: 1 }],
  },
  TEACHES: {
    from: ['Course'],
    to: ['Subject', 'Skill'],
    properties: [WHY, LEVEL],
    plainStrength: 0.7,
    seed: [
      { in: 'Course', key: 'teachesSubjects', end: 'subject', endKind: 'Subject' },
      { in: 'Course', key: 'teachesSkills', end: 'skill', endKind: 'Skill' },
    ],
  },
  APPLIED_IN: {
    from: ['Subject', 'Skill'],
    to: ['Application'],
    properties: [WHY],
    plainStrength: 0.6,
    // Written in the application's record, naming the subjects and skills applied in it.
    seed: [
      { in: 'Application', key: 'appliesSubjects', end: 'subject', endKind: 'Subject' },
      { in: 'Application', key: 'appliesSkills', end: 'skill', endKind: 'Skill' },
    ],
  },
  USED_IN: {
    from: ['Application'],
    to: ['Career'],
    properties: [WHY],
    plainStrength: 0.6,
    seed: [{ in: 'Application', key: 'usedIn', end: 'career', endKind: 'Career' }],
  },
  RELATED_TO: {
    from: ['Career'],
    to: ['Career'],
    properties: [WHY, strength('score')],
    strength: 'score',
    plainStrength: 0.5,
    seed: [{ in: 'Career', key: 'relatedTo', end: 'career', endKind: 'Career' }],
  },
  PART_OF: {
    from: ['Field'],
    to: ['Field'],
    properties: [WHY],
    plainStrength: 0.9,
    seed: [{ in: 'Field', key: 'partOf', end: 'field', endKind: 'Field', single: true }],
  },
  USES: {
    // A tool or technology people in the career work with (O*NET's Technology Skills); it ends at a
    // skill of kind 'tool' (seed/integrity.ts).
    inPaths: false,
    from: ['Career'],
    to: ['Skill'],
    properties: [
      WHY,
      {
        name: 'inDemand',
        type: 'boolean',
        required: false,
        label: 'In demand',
        hint: "O*NET's In Demand flag: job postings for this career often ask for it",
      },
    ],
    // Weaker than a rated skill: a list of software says less about what the work is than REQUIRES.
    plainStrength: 0.4,
    seed: [{ in: 'Career', key: 'uses', end: 'skill', endKind: 'Skill' }],
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as readonly RelationshipType[];

/** The properties a node of `label` stores, widened for code that walks the model. */
export function nodeProperties(label: NodeLabel): readonly PropertySpec[] {
  return NODE_KINDS[label].properties;
}

/** The types a path search walks when it is not told which. */
export function defaultPathTypes(): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((type) => relationshipSpec(type).inPaths !== false);
}

export function relationshipSpec(type: RelationshipType): RelationshipSpec {
  return RELATIONSHIPS[type];
}

/** The name a property has in the API. */
export function apiName(property: PropertySpec): string {
  return property.api ?? property.name;
}

/** Every stored node property across kinds, once each, in model order (the CSV column order). */
export function allNodeProperties(): PropertySpec[] {
  return uniqueByName(NODE_LABELS.flatMap((label) => nodeProperties(label)));
}

/** Every stored relationship property across types, once each, in model order. */
export function allRelationshipProperties(): PropertySpec[] {
  return uniqueByName(RELATIONSHIP_TYPES.flatMap((type) => relationshipSpec(type).properties));
}

function uniqueByName(properties: readonly PropertySpec[]): PropertySpec[] {
  const seen = new Map<string, PropertySpec>();
  for (const property of properties) if (!seen.has(property.name)) seen.set(property.name, property);
  return [...seen.values()];
}

export function isNodeLabel(value: string): value is NodeLabel {
  return Object.hasOwn(NODE_KINDS, value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(RELATIONSHIPS, value);
}
