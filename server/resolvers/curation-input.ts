// Turns a counsellor's NodeFieldsInput and LinkInput into the properties the graph stores, checking
// each field with the data model's rules, as the seed files and imports are. A bad field is
// BAD_USER_INPUT naming that field.
import {
  apiName,
  nodeProperties as modelProperties,
  relationshipSpec,
  type NodeLabel,
  type PropertySpec,
  type RelationshipType,
} from '../../model/data-model.ts';
import { propertyRule } from '../../model/rules.ts';
import { AppError } from '../errors.ts';
import type { Properties } from '../graph/entity-state.ts';
import type { LinkInput, NodeFieldsInput } from './generated/graphql.ts';

export class FieldError extends AppError {
  constructor(argument: string, field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { argument, field });
  }
}

type FieldName = keyof NodeFieldsInput;

/**
 * The properties to store for the fields sent, each checked with the data model's rule. `complete`
 * (on create) also demands every field the kind needs. A field that does not belong to the kind is an
 * error, not silently dropped. Enums arrive already checked by GraphQL and mapped to stored values.
 */
export function nodeProperties(
  label: NodeLabel,
  input: NodeFieldsInput,
  options: { argument: string; complete: boolean },
): Properties {
  const fits = new Map(modelProperties(label).map((p) => [apiName(p), p]));
  const props: Properties = {};
  for (const [key, value] of Object.entries(input) as [FieldName, unknown][]) {
    if (value === null || value === undefined) continue;
    const property = fits.get(key);
    if (!property) {
      throw new FieldError(options.argument, key, `a ${label.toLowerCase()} has no ${key}; leave it out.`);
    }
    const checked = propertyRule(property).safeParse(value);
    if (!checked.success)
      throw new FieldError(options.argument, key, checked.error.issues[0]?.message ?? 'is not valid');
    props[property.name] = checked.data as Properties[string];
  }
  if (options.complete) {
    for (const property of modelProperties(label)) {
      const key = apiName(property) as FieldName;
      if (!property.required || (input[key] !== null && input[key] !== undefined)) continue;
      throw new FieldError(options.argument, key, `a new ${label.toLowerCase()} needs a ${key}.`);
    }
    props.aliases ??= [];
  }
  return props;
}

/** Whether links of `type` carry a strength from 0 to 1 (sent as `weight`). */
export function hasStrength(type: RelationshipType): boolean {
  return relationshipSpec(type).strength !== undefined;
}

/** Whether links of `type` carry a level (REQUIRES: the level a career needs; TEACHES: the level taught). */
export function hasLevel(type: RelationshipType): boolean {
  return relationshipSpec(type).properties.some((p) => p.name === 'level');
}

/** What a link's property is called in LinkInput: the strength is always `weight` there. */
function linkValue(input: LinkInput, spec: { strength?: string }, property: PropertySpec): unknown {
  if (property.name === spec.strength) return input.weight;
  if (property.name === 'level') return input.level;
  if (property.name === 'inDemand') return input.inDemand;
  return input.why;
}

function linkProblem(type: RelationshipType, property: PropertySpec, spec: { strength?: string }): string {
  if (property.name === spec.strength) return `${type} needs a strength from 0 to 1.`;
  if (property.name === 'level')
    return type === 'REQUIRES'
      ? 'REQUIRES needs the level the career needs.'
      : `${type} needs the level it teaches.`;
  return 'is required';
}

export function linkProperties(input: LinkInput): Properties {
  const spec = relationshipSpec(input.type);
  const props: Properties = {};
  for (const property of spec.properties) {
    const field = property.name === spec.strength ? 'weight' : property.name;
    const value = linkValue(input, spec, property);
    if ((value === null || value === undefined) && !property.required) continue;
    if (value === null || value === undefined) {
      throw new FieldError('input', field, linkProblem(input.type, property, spec));
    }
    const checked = propertyRule(property).safeParse(value);
    if (!checked.success) {
      const message =
        property.name === spec.strength
          ? linkProblem(input.type, property, spec)
          : (checked.error.issues[0]?.message ?? 'is not valid');
      throw new FieldError('input', field, message);
    }
    props[property.name] = checked.data as Properties[string];
  }
  return props;
}
