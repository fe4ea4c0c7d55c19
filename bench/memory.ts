// The API server's resident memory while it is kept busy: VmRSS of its process, read from /proc every
// second. "Flat" compares the first and second half of the run after a warm-up, so JIT and caches
// filling up once are not counted as growth.
import { readFileSync } from 'node:fs';
import type { BenchCase } from './cases.ts';
import { measureThroughput, type Throughput } from './throughput.ts';

export interface MemoryRun {
  seconds: number;
  samplesMiB: number[];
  startMiB: number;
  endMiB: number;
  peakMiB: number;
  growth: number;
  load: Throughput;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function measureMemory(
  url: string,
  pid: number,
  cases: readonly BenchCase[],
  connections: number,
  seconds: number,
): Promise<MemoryRun> {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMiB(pid)), 1000);
  let load: Throughput;
  try {
    load = await measureThroughput(url, cases, connections, seconds);
  } finally {
    clearInterval(timer);
  }
  // The first sixth is warm-up. RSS is a GC sawtooth, so the halves' medians are compared rather than
  // single samples or short windows, which land on a peak or a trough by chance.
  const steady = samples.slice(Math.floor(samples.length / 6));
  const half = Math.floor(steady.length / 2);
  const startMiB = median(steady.slice(0, Math.max(1, half)));
  const endMiB = median(steady.slice(half));
  return {
    seconds,
    samplesMiB: samples,
    startMiB,
    endMiB,
    peakMiB: Math.max(...samples),
    growth: (endMiB - startMiB) / startMiB,
    load,
  };
}
