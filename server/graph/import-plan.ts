// An import's plan, worked out without the database: which graph node each record stands for (by id,
// or by a natural key such as an O*NET code), before → after for every node and link, and every
// problem (an id of another kind, a link to nothing, a link between kinds it cannot join, a merged
// record that breaks the data model). The caller reads what the plan needs first, in three steps that
// each depend on the last: matchLookups → nodeIdsToRead → linksToRead; then planImport decides.
import { linkKey, storedProperties, type EntityState, type Properties } from './entity-state.ts';
import { matchKey, type ExistingNode, type MatchLookup } from './entity-reads.ts';
import { RELATIONSHIP_ENDPOINTS, type NodeLabel, type RelationshipType } from './model.ts';
import {
  fileProperties,
  type ImportNode,
  type ImportProblem,
  type ImportRelationship,
  type ParsedImport,
} from '../transfer/records.ts';

/** What the graph holds of what an import touches, read before planning. */
export interface GraphView {
  /** Ids found for each of matchLookups' values, in id order, keyed by matchKey. */
  matches: ReadonlyMap<string, readonly string[]>;
  /** Each of nodeIdsToRead's ids that a node holds. */
  nodes: ReadonlyMap<string, ExistingNode>;
  /** Each of linksToRead's links that exists, keyed by linkKey. */
  links: ReadonlyMap<string, Properties>;
}

export interface PropertyIssue {
  /** The property at fault, or null for the record as a whole. */
  property: string | null;
  message: string;
}

/**
 * The data model's rules for properties. A merged record is checked here, once it is combined with
 * what the graph holds; the rules themselves come from the seed's schemas (server/transfer/properties.ts),
 * which the caller passes in so the plan does not depend on how they are written.
 */
export interface PropertyRules {
  node(label: NodeLabel, props: Properties): PropertyIssue[];
  relationship(type: RelationshipType, props: Properties): PropertyIssue[];
  describe(issue: PropertyIssue): string;
}

export interface PlanOptions {
  /** Stamped as `createdAt` on a new record that does not say. */
  now: string;
  rules: PropertyRules;
}

export interface NodeWrite {
  label: NodeLabel;
  id: string;
  before: Properties | null;
  after: Properties;
}

export interface RelationshipWrite {
  type: RelationshipType;
  from: string;
  to: string;
  before: Properties | null;
  after: Properties;
}

export interface ImportPlan {
  nodes: NodeWrite[];
  relationships: RelationshipWrite[];
  unchanged: number;
  unchangedLinks: number;
  /** The graph's problems with the import; the parser's stay in ParsedImport. */
  problems: ImportProblem[];
}

export interface LinkLookup {
  type: RelationshipType;
  pairs: { from: string; to: string }[];
}

const kindName = (label: NodeLabel) => label.toLowerCase();

function sameProps(a: Properties, b: Properties): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

// Kept from the graph when a replacing record does not say: the loader's hash (so a later seed run
// still knows the record), and when and where the node first came from.
const CARRIED = ['seedHash', 'createdAt', 'source'] as const;

function afterProps(
  parsed: ParsedImport,
  record: { props: Properties; keepExisting?: readonly string[] },
  before: Properties | null,
  now: string,
): Properties {
  const incoming = fileProperties(record.props);
  if (!before) {
    return {
      ...incoming,
      createdAt: incoming.createdAt ?? now,
      source: incoming.source ?? parsed.format.toLowerCase(),
    };
  }
  const existing = storedProperties(before);
  if (parsed.merge) {
    const after = { ...existing };
    for (const [key, value] of Object.entries(incoming)) {
      if (record.keepExisting?.includes(key) && existing[key] !== undefined) continue;
      after[key] = value;
    }
    return after;
  }
  const after: Properties = {};
  for (const key of CARRIED) {
    const value = existing[key];
    if (value !== undefined) after[key] = value;
  }
  return { ...after, ...incoming };
}

const at = (
  record: { origin?: { file: string; row: number | null; column: string } },
  column?: string | null,
) => ({
  file: record.origin?.file ?? '(import)',
  row: record.origin?.row ?? null,
  column: column === undefined ? (record.origin?.column ?? null) : column,
});

// Our own generated ids may meet a node of another kind ("mathematics" the subject); those get the
// kind as a suffix. An id from a file is the file's word and is never changed.
const alternate = (n: ImportNode) => `${n.id}-${kindName(n.label)}`;

const matchedIds = (matches: GraphView['matches'], n: ImportNode) =>
  n.match ? matches.get(matchKey(n.label, n.match.property, n.match.value)) : undefined;

/** Step 1: the natural keys to look up, one lookup per label and property. */
export function matchLookups(parsed: ParsedImport): MatchLookup[] {
  const groups = new Map<string, { label: NodeLabel; property: string; values: Set<string> }>();
  for (const node of parsed.nodes) {
    if (!node.match) continue;
    const key = `${node.label}|${node.match.property}`;
    const group = groups.get(key) ?? { label: node.label, property: node.match.property, values: new Set() };
    group.values.add(node.match.value);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ label: g.label, property: g.property, values: [...g.values] }));
}

/**
 * Step 2: every node id the import could touch, given what the lookups found: these are read, and
 * locked when the plan is to be written.
 */
export function nodeIdsToRead(parsed: ParsedImport, matches: GraphView['matches']): string[] {
  return [
    ...new Set([
      ...parsed.nodes.flatMap((n) => [
        ...(matchedIds(matches, n) ?? []),
        n.id,
        ...(n.match ? [alternate(n)] : []),
      ]),
      ...parsed.relationships.flatMap((r) => [r.from, r.to]),
    ]),
  ];
}

interface PendingLink {
  rel: ImportRelationship;
  type: RelationshipType;
  from: string;
  to: string;
}

interface Resolution {
  nodes: NodeWrite[];
  unchanged: number;
  links: Map<string, PendingLink>;
  problems: ImportProblem[];
}

/** Which graph node(s) each record stands for, and so which links the import writes between them. */
function resolve(
  parsed: ParsedImport,
  graph: Pick<GraphView, 'matches' | 'nodes'>,
  now: string,
  rules: PropertyRules | null,
): Resolution {
  const existing = graph.nodes;
  const problems: ImportProblem[] = [];
  const targets = new Map<string, string[]>();
  const labelOfTarget = new Map<string, NodeLabel>();
  const claimedBy = new Map<string, ImportNode>();
  const nodes: NodeWrite[] = [];
  let unchanged = 0;
  for (const node of parsed.nodes) {
    let ids = [...(matchedIds(graph.matches, node) ?? [])];
    if (ids.length === 0) {
      const candidates = node.match ? [node.id, alternate(node)] : [node.id];
      const free = candidates.find((id) => {
        const found = existing.get(id);
        return !found || found.label === node.label;
      });
      if (!free) {
        const other = existing.get(node.id);
        problems.push({
          ...at(node),
          message: `The id "${node.id}" already belongs to a ${other?.label.toLowerCase() ?? 'node'}; ids are shared by all kinds, so give this ${kindName(node.label)} another id.`,
        });
        targets.set(node.id, []);
        continue;
      }
      if (node.updateOnly && !existing.has(free)) {
        const hint = node.hints?.name ? `; ${node.hints.name}` : '';
        problems.push({
          ...at(node),
          message: `${node.match?.value ?? node.id} is not in this import and no ${kindName(node.label)} in the graph has it, so there is nothing to update or link${hint}.`,
        });
        targets.set(node.id, []);
        continue;
      }
      ids = [free];
    }
    if (targets.has(node.id)) {
      problems.push({
        ...at(node),
        message: `Two records in this import would both be "${node.id}"; keep one.`,
      });
      continue;
    }
    targets.set(node.id, ids);
    for (const id of ids) {
      const first = claimedBy.get(id);
      if (first) {
        problems.push({
          ...at(node),
          message: `This record and ${first.origin ? `${first.origin.file} row ${String(first.origin.row)}` : 'another'} both resolve to "${id}"; keep one.`,
        });
        continue;
      }
      claimedBy.set(id, node);
      labelOfTarget.set(id, node.label);
      const before = existing.get(id)?.props ?? null;
      const after = afterProps(parsed, node, before, now);
      if (parsed.merge && rules) {
        for (const issue of rules.node(node.label, after)) {
          const hint = issue.property ? node.hints?.[issue.property] : undefined;
          problems.push({
            ...at(node),
            message: `${node.label} "${id}": ${rules.describe(issue)}${hint ? `; ${hint}` : ''}.`,
          });
        }
      }
      if (before && sameProps(storedProperties(before), after)) unchanged++;
      else nodes.push({ label: node.label, id, before, after });
    }
  }

  const endLabel = (id: string) => labelOfTarget.get(id) ?? existing.get(id)?.label;
  const links = new Map<string, PendingLink>();
  for (const rel of parsed.relationships) {
    const froms = targets.get(rel.from) ?? [rel.from];
    const tos = targets.get(rel.to) ?? [rel.to];
    for (const from of froms) {
      for (const to of tos) {
        const fromLabel = endLabel(from);
        const toLabel = endLabel(to);
        let ok = true;
        for (const [end, id, label] of [
          ['from', from, fromLabel],
          ['to', to, toLabel],
        ] as const) {
          if (!label) {
            problems.push({
              ...at(rel, end),
              message: `"${id}" is neither in this import nor in the graph.`,
            });
            ok = false;
          }
        }
        if (!ok || !fromLabel || !toLabel) continue;
        const allowed = RELATIONSHIP_ENDPOINTS[rel.type];
        if (!allowed.from.includes(fromLabel) || !allowed.to.includes(toLabel)) {
          problems.push({
            ...at(rel, 'type'),
            message: `${rel.type} cannot link a ${kindName(fromLabel)} (${from}) to a ${kindName(toLabel)} (${to}); it links ${allowed.from.join('/')} to ${allowed.to.join('/')}.`,
          });
          continue;
        }
        const key = linkKey({ type: rel.type, from, to });
        if (!links.has(key)) links.set(key, { rel, type: rel.type, from, to });
      }
    }
  }
  return { nodes, unchanged, links, problems };
}

/** Step 3: the links that may already exist (both ends are in the graph), by type. */
export function linksToRead(parsed: ParsedImport, graph: Pick<GraphView, 'matches' | 'nodes'>): LinkLookup[] {
  const byType = new Map<RelationshipType, { from: string; to: string }[]>();
  // Timestamps and property rules do not change which links the import resolves to.
  for (const p of resolve(parsed, graph, '', null).links.values()) {
    if (!graph.nodes.has(p.from) || !graph.nodes.has(p.to)) continue;
    byType.set(p.type, [...(byType.get(p.type) ?? []), { from: p.from, to: p.to }]);
  }
  return [...byType].map(([type, pairs]) => ({ type, pairs }));
}

/** What the import would write, and every problem that stops it; reads nothing. */
export function planImport(parsed: ParsedImport, graph: GraphView, options: PlanOptions): ImportPlan {
  const { nodes, unchanged, links, problems } = resolve(parsed, graph, options.now, options.rules);
  const relationships: RelationshipWrite[] = [];
  let unchangedLinks = 0;
  for (const [key, { rel, type, from, to }] of links) {
    const before = graph.links.get(key) ?? null;
    const after = afterProps(parsed, rel, before, options.now);
    if (parsed.merge) {
      for (const issue of options.rules.relationship(type, after)) {
        problems.push({
          ...at(rel),
          message: `${type} ${from} → ${to}: ${options.rules.describe(issue)}.`,
        });
      }
    }
    if (before && sameProps(storedProperties(before), after)) unchangedLinks++;
    else relationships.push({ type, from, to, before, after });
  }
  return { nodes, relationships, unchanged, unchangedLinks, problems };
}

export const planChanges = (plan: ImportPlan): boolean =>
  plan.nodes.length > 0 || plan.relationships.length > 0;

const shown = (props: Properties | null) => (props === null ? null : storedProperties(props));

/** The plan as the states the writer writes (`after`) and the :Change records (both sides). */
export function planStates(plan: ImportPlan, side: 'before' | 'after'): EntityState[] {
  return [
    ...plan.nodes.map((n): EntityState => ({
      kind: 'node',
      label: n.label,
      id: n.id,
      props: shown(n[side]),
    })),
    ...plan.relationships.map((r): EntityState => ({
      kind: 'relationship',
      type: r.type,
      from: r.from,
      to: r.to,
      props: shown(r[side]),
    })),
  ];
}
