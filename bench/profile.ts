// PROFILE each case's Cypher once: total db hits as a figure, and the operators, so an id lookup that
// stopped using its constraint index (a label scan instead of a seek) stops the benchmark.
import type { Driver } from 'neo4j-driver';
import type { BenchCase } from './cases.ts';

export interface ProfileFigures {
  dbHits: number;
  rows: number;
  operators: string[];
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  children: PlanNode[];
}

function walk(plan: PlanNode, visit: (p: PlanNode) => void): void {
  visit(plan);
  for (const child of plan.children) walk(child, visit);
}

const SEEK = /^Node(Unique)?IndexSeek/;

export class IndexNotUsedError extends Error {}

export async function profileCase(
  driver: Driver,
  database: string | undefined,
  c: BenchCase,
): Promise<ProfileFigures> {
  const result = await driver.executeQuery(`PROFILE ${c.cypher.statement}`, c.cypher.params, {
    database,
    routing: 'READ',
  });
  const plan = result.summary.profile;
  if (!plan) throw new Error(`${c.name}: PROFILE returned no plan`);
  let dbHits = 0;
  const operators: string[] = [];
  walk(plan, (p) => {
    dbHits += p.dbHits;
    operators.push(p.operatorType.replace(/@.*$/, ''));
  });
  if (c.idLookup && !operators.some((op) => SEEK.test(op))) {
    throw new IndexNotUsedError(
      `${c.name}: the plan finds its start node without NodeUniqueIndexSeek/NodeIndexSeek ` +
        `(operators: ${[...new Set(operators)].join(', ')}). An id lookup must use the constraint index.`,
    );
  }
  return { dbHits, rows: result.records.length, operators };
}
