// Each benchmark case: one GraphQL request, and the very Cypher (with the same parameters) that its
// resolver runs, so the raw driver is a fair baseline measured in the same run.
import { int } from 'neo4j-driver';
import { CAREER_DETAIL } from '../server/graph/careers.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../server/graph/model.ts';
import { pathsQuery } from '../server/graph/paths.ts';
import { luceneQuery, searchTerms, SEARCH } from '../server/graph/search.ts';
import { SUBJECT_CAREERS } from '../server/graph/subject-careers.ts';

export interface BenchCase {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: { statement: string; params: Record<string, unknown> };
}

const page = (first: number) => ({ skip: int(0), limit: int(first + 1) });

const NODE_FIELDS = 'id kind name';
const PATH_FIELDS = `hops score explanation nodes { ${NODE_FIELDS} } steps { strength edge { type from to why weight } from { id } to { id } }`;

export const CASES: BenchCase[] = [
  {
    name: 'search "environmental science"',
    graphql: {
      query: `query ($text: String!) { search(text: $text, first: 10) { hits { score node { ${NODE_FIELDS} description } } pageInfo { hasNextPage endCursor } } }`,
      variables: { text: 'environmental science' },
    },
    cypher: {
      statement: SEARCH,
      params: {
        query: luceneQuery(searchTerms('environmental science')),
        labels: [...NODE_LABELS],
        ...page(10),
      },
    },
  },
  {
    name: 'subjectCareers biology → environmental-science',
    graphql: {
      query: `query ($s: ID!, $v: ID) { subjectCareers(subject: $s, via: $v, first: 20) { subject { id name } via { id name } paths { career { ${NODE_FIELDS} } field { id name } path { ${PATH_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      variables: { s: 'biology', v: 'environmental-science' },
    },
    cypher: {
      statement: SUBJECT_CAREERS,
      params: { subject: 'biology', via: 'environmental-science', ...page(20) },
    },
  },
  {
    name: 'subjectCareers biology (all fields)',
    graphql: {
      query: `query ($s: ID!) { subjectCareers(subject: $s, first: 20) { paths { career { ${NODE_FIELDS} } field { id name } path { ${PATH_FIELDS} } } pageInfo { hasNextPage } } }`,
      variables: { s: 'biology' },
    },
    cypher: { statement: SUBJECT_CAREERS, params: { subject: 'biology', via: null, ...page(20) } },
  },
  ...([3, 4] as const).map((hops) => ({
    name: `paths music → data-scientist, ≤ ${hops} hops`,
    graphql: {
      query: `query ($from: ID!, $to: ID!, $hops: Int!) { paths(from: $from, to: $to, maxHops: $hops, first: 5) { paths { ${PATH_FIELDS} } pageInfo { hasNextPage } } }`,
      variables: { from: 'music', to: 'data-scientist', hops },
    },
    cypher: {
      statement: pathsQuery(hops, RELATIONSHIP_TYPES),
      params: { from: 'music', to: 'data-scientist', ...page(5) },
    },
  })),
  {
    name: 'career hydrologist',
    graphql: {
      query: `query ($id: ID!) { career(id: $id) { career { ${NODE_FIELDS} onetSoc jobZone education riasec outlook outlookNote } fields { field { id name } why } skills { skill { ${NODE_FIELDS} skillKind } importance level why } subjects { subject { id name } importance why } courses { course { id name provider hours } teaches { id name } level why } applications { application { id name example } why } related { career { id name } score why } } }`,
      variables: { id: 'hydrologist' },
    },
    cypher: { statement: CAREER_DETAIL, params: { id: 'hydrologist' } },
  },
];
