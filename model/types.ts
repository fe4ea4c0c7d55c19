// TypeScript types read off the data model (model/data-model.ts), so a property added there is typed
// everywhere without being written again.
import type {
  NODE_KINDS,
  NodeLabel,
  RELATIONSHIPS,
  RelationshipType,
  STORED_ENUMS,
  StoredEnumName,
} from './data-model.ts';

/** What a property holds once checked. */
export type ValueOf<P> = P extends { type: 'text' }
  ? string
  : P extends { type: 'integer' | 'number' }
    ? number
    : P extends { type: 'textList' }
      ? string[]
      : P extends { type: 'boolean' }
        ? boolean
        : P extends { type: 'enum'; enum: infer E extends StoredEnumName }
          ? (typeof STORED_ENUMS)[E][number]
          : never;

type ApiNameOf<P> = P extends { api: infer A extends string } ? A : P extends { name: infer N } ? N : never;

type PropertyList<L extends NodeLabel> = (typeof NODE_KINDS)[L]['properties'][number];

/** Lists are always present (empty when unknown); other properties may be absent unless required. */
type Present<P> = P extends { required: true } ? P : P extends { type: 'textList' } ? P : never;
type Optional<P> = Exclude<P, Present<P>>;

/** A node's stored properties, by their storage names. */
export type StoredProperties<L extends NodeLabel> = {
  [P in Present<PropertyList<L>> as P['name']]: ValueOf<P>;
} & {
  [P in Optional<PropertyList<L>> as P['name']]?: ValueOf<P>;
};

/** A node's properties by their API names. */
export type ApiProperties<L extends NodeLabel> = {
  [P in Present<PropertyList<L>> as ApiNameOf<P>]: ValueOf<P>;
} & {
  [P in Optional<PropertyList<L>> as ApiNameOf<P>]?: ValueOf<P>;
};

type RelationshipPropertyList<T extends RelationshipType> = (typeof RELATIONSHIPS)[T]['properties'][number];

/** A link's properties; an optional one (USES's inDemand) may be absent. */
export type RelationshipProperties<T extends RelationshipType> = {
  [P in Extract<RelationshipPropertyList<T>, { required: true }> as P['name']]: ValueOf<P>;
} & {
  [P in Exclude<RelationshipPropertyList<T>, { required: true }> as P['name']]?: ValueOf<P>;
};

/** Every seed embedding, tagged with the relationship type it writes. */
type Embedding = {
  [T in RelationshipType]: (typeof RELATIONSHIPS)[T]['seed'][number] & { readonly type: T };
}[RelationshipType];

type LinkRow<E extends Embedding> = { [K in E['end']]: string } & RelationshipProperties<E['type']>;

type ListEmbeddings<L extends NodeLabel> = Exclude<Extract<Embedding, { in: L }>, { single: true }>;
type SingleEmbeddings<L extends NodeLabel> = Extract<Embedding, { in: L; single: true }>;

/** One record of a seed file: the node's properties and the links written inside it. */
export type SeedRecord<L extends NodeLabel> = { id: string } & StoredProperties<L> & {
    [E in ListEmbeddings<L> as E['key']]: LinkRow<E>[];
  } & {
    [E in SingleEmbeddings<L> as E['key']]?: LinkRow<E>;
  };
