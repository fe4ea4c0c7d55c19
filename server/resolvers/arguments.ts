// Argument checks shared by resolvers: each failure is a BAD_USER_INPUT that names the argument.
import { BadUserInputError } from '../errors.ts';
import { ID_MAX_LENGTH, ID_PATTERN } from '../graph/model.ts';

export function requireId(value: string, argument = 'id'): string {
  const id = value.trim();
  if (id.length === 0 || id.length > ID_MAX_LENGTH || !ID_PATTERN.test(id)) {
    throw new BadUserInputError(
      `"${value.slice(0, ID_MAX_LENGTH)}" is not a valid id: ids are lower-case letters, digits and single hyphens, such as "environmental-science".`,
      argument,
    );
  }
  return id;
}

export function requireIntInRange(
  value: number | null | undefined,
  argument: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BadUserInputError(
      `${argument} must be a whole number from ${min} to ${max}; got ${String(n)}.`,
      argument,
    );
  }
  return n;
}

export function requireIds(values: readonly string[], argument: string, max: number): string[] {
  if (values.length > max) {
    throw new BadUserInputError(`${argument} may list at most ${max} ids; got ${values.length}.`, argument);
  }
  return [...new Set(values.map((v) => requireId(v, argument)))];
}

/** An absent list means "all"; an empty one would match nothing, which is never what a caller means. */
export function requireNonEmpty<T>(
  values: readonly T[] | null | undefined,
  argument: string,
  all: readonly T[],
): readonly T[] {
  if (values === null || values === undefined) return all;
  if (values.length === 0)
    throw new BadUserInputError(
      `${argument} must name at least one value, or be left out for all.`,
      argument,
    );
  return [...new Set(values)];
}
