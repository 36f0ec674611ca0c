/**
 * Stored records keep their object keys in code-unit order at every level, the order a backup writes them in
 * (lib/backup/format.ts): a record already in that order is written as it is, while sorting every record's
 * keys on the way out took about a second of a 100,000-mention export.
 */
export function inKeyOrder<T>(value: T): T {
  return keysInOrder(value) ? value : (sortedCopy(value) as T);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function keysInOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(keysInOrder);
  let previous = '';
  // for...in allocates nothing; records are plain objects, with no inherited keys to see.
  for (const key in value) {
    if (key < previous || !keysInOrder((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compare)
      .map((key) => [key, sortedCopy((value as Record<string, unknown>)[key])]),
  );
}
