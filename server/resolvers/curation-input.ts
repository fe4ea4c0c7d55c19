// Turns a counsellor's NodeFieldsInput and LinkInput into the properties the graph stores, checking
// each field with the same rules as the seed data. A bad field is BAD_USER_INPUT naming that field.
import { z } from 'zod';
import { applicationSchema, careerSchema, courseSchema, subjectSchema } from '../../seed/schema.ts';
import { AppError } from '../errors.ts';
import type { Properties } from '../graph/entity-state.ts';
import type { NodeLabel, RelationshipType } from '../graph/model.ts';
import type { LinkInput, NodeFieldsInput } from '../generated/graphql.ts';

export class FieldError extends AppError {
  constructor(argument: string, field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { argument, field });
  }
}

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

// One checker per stored property, taken from the seed's own schemas so a counsellor's edit, an
// import and the curated files all agree on what a valid value is. Enums arrive already checked by
// GraphQL and are stored lower-case.
const FIELD_RULES = {
  name: subjectSchema.shape.name,
  description: subjectSchema.shape.description,
  aliases: subjectSchema.shape.aliases,
  onetSoc: careerSchema.shape.onetSoc,
  jobZone: careerSchema.shape.jobZone,
  education: careerSchema.shape.education,
  riasec: careerSchema.shape.riasec,
  outlookNote: careerSchema.shape.outlookNote,
  provider: courseSchema.shape.provider,
  hours: courseSchema.shape.hours,
  example: applicationSchema.shape.example,
  reflectionPrompt: applicationSchema.shape.reflectionPrompt,
} as const;

const ENUM_FIELDS = { skillKind: 'kind', outlook: 'outlook', format: 'format', level: 'level' } as const;

type FieldName = keyof NodeFieldsInput;

/** What each kind must have, beyond name and description. */
const REQUIRED: Record<NodeLabel, readonly FieldName[]> = {
  Subject: [],
  Field: [],
  Skill: ['skillKind'],
  Career: ['onetSoc', 'jobZone', 'education', 'riasec', 'outlook', 'outlookNote'],
  Course: ['provider', 'format', 'level', 'hours'],
  Application: ['example', 'reflectionPrompt'],
};

const COMMON: readonly FieldName[] = ['name', 'description', 'aliases'];

function allowed(label: NodeLabel): Set<FieldName> {
  return new Set([...COMMON, ...REQUIRED[label]]);
}

/**
 * The properties to store for the fields sent. `complete` (on create) also demands every field the
 * kind needs. A field that does not belong to the kind is an error, not silently dropped.
 */
export function nodeProperties(
  label: NodeLabel,
  input: NodeFieldsInput,
  options: { argument: string; complete: boolean },
): Properties {
  const fits = allowed(label);
  const props: Properties = {};
  for (const [key, value] of Object.entries(input) as [FieldName, unknown][]) {
    if (value === null || value === undefined) continue;
    if (!fits.has(key)) {
      throw new FieldError(options.argument, key, `a ${label.toLowerCase()} has no ${key}; leave it out.`);
    }
    if (key in ENUM_FIELDS) {
      props[ENUM_FIELDS[key as keyof typeof ENUM_FIELDS]] = String(value).toLowerCase();
      continue;
    }
    const rule = FIELD_RULES[key as keyof typeof FIELD_RULES];
    const checked = rule.safeParse(value);
    if (!checked.success)
      throw new FieldError(options.argument, key, checked.error.issues[0]?.message ?? 'is not valid');
    props[key] = checked.data as Properties[string];
  }
  if (options.complete) {
    for (const key of [...COMMON.filter((k) => k !== 'aliases'), ...REQUIRED[label]]) {
      if (input[key] === null || input[key] === undefined) {
        throw new FieldError(options.argument, key, `a new ${label.toLowerCase()} needs a ${key}.`);
      }
    }
    props.aliases ??= [];
  }
  return props;
}

/** The property each relationship type keeps its strength in, as the seed data names it. */
export const STRENGTH: Partial<Record<RelationshipType, string>> = {
  LEADS_TO: 'weight',
  DEVELOPS: 'weight',
  REQUIRES: 'importance',
  DRAWS_ON: 'importance',
  RELATED_TO: 'score',
};

export function linkProperties(input: LinkInput): Properties {
  const why = text(20, 300).safeParse(input.why);
  if (!why.success) throw new FieldError('input', 'why', why.error.issues[0]?.message ?? 'is not valid');
  const props: Properties = { why: why.data };
  const strength = STRENGTH[input.type];
  if (strength) {
    const weight = input.weight;
    if (weight === null || weight === undefined || !(weight >= 0 && weight <= 1)) {
      throw new FieldError('input', 'weight', `${input.type} needs a strength from 0 to 1.`);
    }
    props[strength] = weight;
  }
  if (input.type === 'REQUIRES') {
    if (!input.level) throw new FieldError('input', 'level', 'REQUIRES needs the level the career needs.');
    props.level = input.level.toLowerCase();
  }
  return props;
}
