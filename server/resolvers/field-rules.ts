// nodeFieldRules: the node form's fields, read from the data model, so the client keeps no copy of
// the model and a form asks for what createNode and updateNode will check. Needs no database.
import { NODE_LABELS, apiName, nodeProperties, type PropertySpec } from '../../model/data-model.ts';
import { ENUM_VALUES } from './enum-values.ts';
import type { FieldControl, NodeFieldRule, QueryResolvers } from './generated/graphql.ts';

type Constraints = Pick<
  NodeFieldRule,
  'control' | 'min' | 'max' | 'exclusiveMin' | 'maxItems' | 'pattern' | 'patternMessage' | 'choices'
>;

const NONE = {
  min: null,
  max: null,
  exclusiveMin: false,
  maxItems: null,
  pattern: null,
  patternMessage: null,
  choices: null,
} as const satisfies Omit<Constraints, 'control'>;

function constraints(property: PropertySpec): Constraints {
  switch (property.type) {
    case 'text': {
      const control: FieldControl = property.multiline ? 'TEXTAREA' : 'TEXT';
      return {
        ...NONE,
        control,
        min: property.min,
        max: property.max,
        pattern: property.pattern?.regex.source ?? null,
        patternMessage: property.pattern?.message ?? null,
      };
    }
    case 'integer':
    case 'number':
      return {
        ...NONE,
        control: property.type === 'integer' ? 'INTEGER' : 'NUMBER',
        min: property.min,
        max: property.max,
        exclusiveMin: property.exclusiveMin ?? false,
      };
    case 'textList':
      return {
        ...NONE,
        control: 'LIST',
        min: property.itemMin,
        max: property.itemMax,
        maxItems: property.maxItems,
      };
    case 'boolean':
      return { ...NONE, control: 'BOOLEAN' };
    case 'enum':
      // The API's names, as NodeFieldsInput takes them; Apollo maps them to the stored values.
      return { ...NONE, control: 'CHOICE', choices: Object.keys(ENUM_VALUES[property.enum]) };
  }
}

/** Every kind's fields, kinds in model order and each kind's fields in the order a form shows them. */
export function nodeFieldRules(): NodeFieldRule[] {
  return NODE_LABELS.flatMap((kind) =>
    nodeProperties(kind)
      .filter((property) => !property.importOnly)
      .map((property) => ({
        kind,
        field: apiName(property),
        label: property.label,
        hint: property.hint ?? null,
        required: property.required,
        ...constraints(property),
      })),
  );
}

export const fieldRuleQueries: Pick<QueryResolvers, 'nodeFieldRules'> = {
  nodeFieldRules: () => nodeFieldRules(),
};
