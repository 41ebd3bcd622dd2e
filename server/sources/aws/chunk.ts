/** Splits ids into batches of an API's maximum, so no call carries more than AWS accepts. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Follows a token until the service stops returning one; a repeated token also stops (SDK paginators loop on it). */
export async function allPages<P>(fetchPage: (token: string | undefined) => Promise<P | undefined>, nextOf: (page: P) => string | undefined): Promise<P[]> {
  const pages: P[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(token);
    if (page === undefined) break;
    pages.push(page);
    token = nextOf(page);
    if (token !== undefined && seen.has(token)) break;
    if (token !== undefined) seen.add(token);
  } while (token);
  return pages;
}
