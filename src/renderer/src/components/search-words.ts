/**
 * The palette's search, also quick copy's: every word of the query (any order, any case) appears
 * in the item's text (its name and its details: account, API key, application id). At most
 * `limit` matches, in the list's order.
 */
export function searchWords<T>(
  items: readonly T[],
  query: string,
  textOf: (item: T) => string,
  limit = 50,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: T[] = [];
  for (const item of items) {
    const text = textOf(item).toLowerCase();
    if (words.every((word) => text.includes(word))) found.push(item);
    if (found.length === limit) break;
  }
  return found;
}
