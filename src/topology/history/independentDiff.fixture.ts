/**
 * For tests: the ids two snapshot texts differ in, by their text alone (each resource compared as JSON, key by
 * key), to check a diff against something that shares none of its code.
 */
export function independentDiff(aText: string, bText: string): { added: string[]; removed: string[]; changed: string[] } {
  const a = (JSON.parse(aText) as { resources: Record<string, unknown> }).resources;
  const b = (JSON.parse(bText) as { resources: Record<string, unknown> }).resources;
  return {
    added: Object.keys(b)
      .filter((id) => !(id in a))
      .sort(),
    removed: Object.keys(a)
      .filter((id) => !(id in b))
      .sort(),
    changed: Object.keys(b)
      .filter((id) => id in a && JSON.stringify(a[id]) !== JSON.stringify(b[id]))
      .sort(),
  };
}
