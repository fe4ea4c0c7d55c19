// Careers picked for comparison with the "Compare" buttons, kept in this page's memory in the order
// picked (the comparison itself keeps its careers in the URL). A reload starts afresh.
import { MAX_COMPARED } from './url-state.ts';

export interface Pick {
  id: string;
  name: string;
}

const picked: Pick[] = [];
const listeners = new Set<(picks: readonly Pick[]) => void>();

export const isPicked = (id: string): boolean => picked.some((p) => p.id === id);

export const pickedIds = (): string[] => picked.map((p) => p.id);

export const picks = (): readonly Pick[] => picked;

export function togglePick(id: string, name: string): void {
  const at = picked.findIndex((p) => p.id === id);
  if (at >= 0) picked.splice(at, 1);
  else {
    picked.push({ id, name });
    if (picked.length > MAX_COMPARED) picked.shift();
  }
  for (const listener of listeners) listener(picked);
}

/** Calls `listener` on every change; it returns false once it no longer cares (its element is gone). */
export function onPicksChange(listener: (picks: readonly Pick[]) => boolean): void {
  const wrapped = (current: readonly Pick[]) => {
    if (!listener(current)) listeners.delete(wrapped);
  };
  listeners.add(wrapped);
}
