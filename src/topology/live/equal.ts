/**
 * Content equality for model values (plain JSON data): key order does not matter, array order does, and a field set
 * to undefined counts as absent, as it is once the value has been through JSON. A read builds new objects every
 * time, so the diff compares by content; the same object is equal at once.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameItems(a, b);
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
  return true;
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let defined = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key) || a[key] === undefined) continue;
    if (!Object.hasOwn(b, key) || !sameContent(a[key], b[key])) return false;
    defined += 1;
  }
  // Every defined field of a matched one of b; b is equal only if it has no other defined field.
  for (const key in b) if (Object.hasOwn(b, key) && b[key] !== undefined) defined -= 1;
  return defined === 0;
}
