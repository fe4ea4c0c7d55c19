// CPU seconds used by a process and its children, from /proc. On a shared machine wall-clock throughput
// says more about the neighbours than about the code; CPU time per item does not.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; everything after its closing parenthesis is plain.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of one process (not its children). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  // After the name: state(0) ppid(1) … utime(11) stime(12), in clock ticks.
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : Number.NaN;
}

function command(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Children of `parent` running `name`: the local Neo4j is a `java` child (tsx also keeps an esbuild one). */
export function childPids(parent: number, name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => statFields(pid)?.[1] === String(parent) && command(pid) === name);
}

/** CPU seconds of this process and of its local Neo4j, for "before" and "after" readings. */
export function treeCpuSeconds(): { self: number; neo4j: number } {
  const neo4j = childPids(process.pid, 'java').reduce((sum, pid) => sum + (cpuSeconds(pid) || 0), 0);
  return { self: cpuSeconds(process.pid), neo4j };
}
