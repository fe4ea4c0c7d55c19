// Loads into one element can overlap (back twice in a row, a second filter before the first answers)
// and their answers can arrive in any order. Only the newest load may draw, so the page always shows
// what the URL says, not whichever answer came last.
const newest = new WeakMap<Element, number>();

/** Marks a load into `target` as the newest; the returned check says whether it still is. */
export function claim(target: Element): () => boolean {
  const ticket = (newest.get(target) ?? 0) + 1;
  newest.set(target, ticket);
  return () => newest.get(target) === ticket;
}
