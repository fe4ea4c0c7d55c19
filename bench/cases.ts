// Each benchmark case: one GraphQL request, and the very Cypher (with the same parameters) that its
// resolver runs, captured from the graph function itself, so the raw driver is a fair baseline
// measured in the same run.
import { findNeighbourhood, findNode } from '../server/graph/explore.ts';
import { findCareerDetail } from '../server/graph/careers.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../server/graph/model.ts';
import { findPaths } from '../server/graph/paths.ts';
import { searchNodes, searchTerms } from '../server/graph/search.ts';
import { findSubjectCareers } from '../server/graph/subject-careers.ts';
import { captureQuery, type CapturedQuery } from './capture.ts';

export interface BenchCase {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: CapturedQuery;
  /** Starts from a node by id, so its plan must seek the id through a constraint index. */
  idLookup: boolean;
  /** The hop bound of a `paths` case. */
  hops?: number;
}

/** The ids each case starts from, chosen per graph. */
export interface CaseIds {
  node: string;
  searchText: string;
  neighbourhood: string;
  subject: string;
  via: string;
  pathFrom: string;
  pathTo: string;
  career: string;
}

const NODE_FIELDS = 'id kind name';
const PATH_FIELDS = `hops score explanation nodes { ${NODE_FIELDS} } steps { strength edge { type from to why weight } from { id } to { id } }`;
// The resolvers' defaults, so the captured Cypher is what the GraphQL request below makes them send.
const NEIGHBOURHOOD = { depth: 1, first: 60 } as const;
const firstPage = (first: number) => ({ offset: 0, first });

export async function buildCases(ids: CaseIds): Promise<BenchCase[]> {
  const cases: BenchCase[] = [
    {
      name: `node ${ids.node}`,
      graphql: {
        query: `query ($id: ID!) { node(id: $id) { ${NODE_FIELDS} description } }`,
        variables: { id: ids.node },
      },
      cypher: await captureQuery((ctx) => findNode(ctx, ids.node)),
      idLookup: true,
    },
    {
      name: `search "${ids.searchText}"`,
      graphql: {
        query: `query ($text: String!) { search(text: $text, first: 10) { hits { score node { ${NODE_FIELDS} description } } pageInfo { hasNextPage endCursor } } }`,
        variables: { text: ids.searchText },
      },
      cypher: await captureQuery((ctx) =>
        searchNodes(ctx, searchTerms(ids.searchText), NODE_LABELS, firstPage(10)),
      ),
      idLookup: false,
    },
    {
      name: `neighbourhood ${ids.neighbourhood}`,
      graphql: {
        query: `query ($id: ID!) { neighbourhood(id: $id) { center { id } nodes { ${NODE_FIELDS} } edges { type from to why } truncated } }`,
        variables: { id: ids.neighbourhood },
      },
      cypher: await captureQuery((ctx) =>
        findNeighbourhood(ctx, ids.neighbourhood, NEIGHBOURHOOD.depth, NEIGHBOURHOOD.first, NODE_LABELS),
      ),
      idLookup: true,
    },
    {
      name: `subjectCareers ${ids.subject} → ${ids.via}`,
      graphql: {
        query: `query ($s: ID!, $v: ID) { subjectCareers(subject: $s, via: $v, first: 20) { subject { id name } via { id name } paths { career { ${NODE_FIELDS} } field { id name } path { ${PATH_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        variables: { s: ids.subject, v: ids.via },
      },
      cypher: await captureQuery((ctx) => findSubjectCareers(ctx, ids.subject, ids.via, firstPage(20))),
      idLookup: true,
    },
  ];
  for (const hops of [3, 4, 5]) {
    cases.push({
      name: `paths ${ids.pathFrom} → ${ids.pathTo}, ≤ ${hops} hops`,
      graphql: {
        query: `query ($from: ID!, $to: ID!, $hops: Int!) { paths(from: $from, to: $to, maxHops: $hops, first: 5) { paths { ${PATH_FIELDS} } pageInfo { hasNextPage } } }`,
        variables: { from: ids.pathFrom, to: ids.pathTo, hops },
      },
      cypher: await captureQuery((ctx) =>
        findPaths(ctx, ids.pathFrom, ids.pathTo, hops, RELATIONSHIP_TYPES, firstPage(5)),
      ),
      idLookup: true,
      hops,
    });
  }
  cases.push({
    name: `career ${ids.career}`,
    graphql: {
      query: `query ($id: ID!) { career(id: $id) { career { ${NODE_FIELDS} onetSoc jobZone education riasec outlook outlookNote } fields { field { id name } why } skills { skill { ${NODE_FIELDS} skillKind } importance level why } subjects { subject { id name } importance why } courses { course { id name provider hours } teaches { id name } level why } applications { application { id name example } why } related { career { id name } score why } } }`,
      variables: { id: ids.career },
    },
    cypher: await captureQuery((ctx) => findCareerDetail(ctx, ids.career)),
    idLookup: true,
  });
  return cases;
}

export const SEED_IDS: CaseIds = {
  node: 'hydrologist',
  searchText: 'environmental science',
  neighbourhood: 'biology',
  subject: 'biology',
  via: 'environmental-science',
  pathFrom: 'music',
  pathTo: 'data-scientist',
  career: 'hydrologist',
};
