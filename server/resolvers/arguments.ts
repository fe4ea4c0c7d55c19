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
