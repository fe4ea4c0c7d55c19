// What the last curation change did, kept across the redraw that follows it, so the person sees what
// just happened (and can undo it) once the view shows the graph as it now is. Shown once.
import type { ChangeFieldsFragment } from '../api/generated/graphql.ts';

export interface Notice {
  text: string;
  change: ChangeFieldsFragment | null;
}

let pending: Notice | null = null;

export function leaveNotice(notice: Notice): void {
  pending = notice;
}

/** The notice left for the next drawing, if any; it is gone once taken. */
export function takeNotice(): Notice | null {
  const notice = pending;
  pending = null;
  return notice;
}
