// Who is signed in, if anyone. The session itself is an httpOnly cookie the page cannot read; this
// keeps the answer to `me` (email, role, CSRF token) and tells views when it changes.
import {
  MeDocument,
  SignInDocument,
  SignOutDocument,
  type ViewerFieldsFragment,
} from '../api/generated/graphql.ts';
import { request, setCsrfToken } from '../api/request.ts';

let viewer: ViewerFieldsFragment | null = null;
const listeners = new Set<(viewer: ViewerFieldsFragment | null) => void>();

function set(next: ViewerFieldsFragment | null): void {
  viewer = next;
  setCsrfToken(next?.csrfToken ?? null);
  for (const listener of listeners) listener(next);
}

export function currentViewer(): ViewerFieldsFragment | null {
  return viewer;
}

export function onViewerChange(listener: (viewer: ViewerFieldsFragment | null) => void): void {
  listeners.add(listener);
}

/** Asks the server who this browser is signed in as; reading works the same either way. */
export async function loadViewer(): Promise<void> {
  try {
    set((await request(MeDocument, {})).me ?? null);
  } catch {
    set(null);
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  set((await request(SignInDocument, { email, password })).signIn);
}

export async function signOut(): Promise<void> {
  await request(SignOutDocument, {});
  set(null);
}
