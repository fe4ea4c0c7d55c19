// What each GraphQL enum value stands for in the graph. Codegen types the resolvers with these
// internal values (codegen.ts), and Apollo translates at the edge both ways, so no resolver casts
// between the API's names and the stored ones. The stored enums and node kinds come from the data
// model; test/unit/data-model.test.ts checks schema.graphql lists exactly these values.
import { NODE_LABELS, STORED_ENUMS } from '../../model/data-model.ts';
import { ROLES } from '../graph/accounts.ts';
import { MILESTONE_KINDS } from '../graph/plans.ts';

type ApiSpelling<V extends string> = Uppercase<V extends `${infer A}-${infer B}` ? `${A}_${B}` : V>;

/** The API spells a stored value upper-case with underscores: "soft-skill" is SOFT_SKILL. */
function apiValues<const V extends string>(values: readonly V[]): { readonly [K in V as ApiSpelling<K>]: K } {
  return Object.fromEntries(values.map((v) => [v.toUpperCase().replaceAll('-', '_'), v])) as {
    readonly [K in V as ApiSpelling<K>]: K;
  };
}

export const ENUM_VALUES = {
  NodeKind: apiValues(NODE_LABELS),
  SkillKind: apiValues(STORED_ENUMS.SkillKind),
  Outlook: apiValues(STORED_ENUMS.Outlook),
  CourseFormat: apiValues(STORED_ENUMS.CourseFormat),
  CourseLevel: apiValues(STORED_ENUMS.CourseLevel),
  Level: apiValues(STORED_ENUMS.Level),
  Role: apiValues(ROLES),
  MilestoneKind: apiValues(MILESTONE_KINDS),
  // The quiz scores interests by their RIASEC letter.
  Interest: {
    REALISTIC: 'R',
    INVESTIGATIVE: 'I',
    ARTISTIC: 'A',
    SOCIAL: 'S',
    ENTERPRISING: 'E',
    CONVENTIONAL: 'C',
  },
} as const;
