import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../server/errors.ts';
import { requireId, requireIntInRange } from '../../server/resolvers/arguments.ts';

describe('argument checks', () => {
  it('accepts slugs and trims them', () => {
    expect(requireId(' environmental-science ')).toBe('environmental-science');
  });

  it.each(['', 'Biology', 'bio logy', "x' OR 1=1", '}) DETACH DELETE n //', '`n`', '--a', 'a'.repeat(101)])(
    'rejects %j as an id with BAD_USER_INPUT',
    (value) => {
      expect(() => requireId(value)).toThrowError(BadUserInputError);
    },
  );

  it('bounds integers and names the argument', () => {
    expect(requireIntInRange(undefined, 'depth', 1, 2, 1)).toBe(1);
    expect(() => requireIntInRange(3, 'depth', 1, 2, 1)).toThrowError(
      'depth must be a whole number from 1 to 2; got 3.',
    );
  });
});
