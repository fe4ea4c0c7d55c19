// What a node or relationship property may hold: Neo4j stores scalars and homogeneous lists of them,
// nothing nested. Every layer that carries properties (seed rows, imports, states, exports) uses these.
export type PropertyValue = string | number | boolean | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export function isPropertyValue(value: unknown): value is PropertyValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  return (
    value.every((v) => typeof v === 'string') ||
    value.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}
