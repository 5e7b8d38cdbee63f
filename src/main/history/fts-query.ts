/**
 * Turns what someone types into the search box into an FTS5 query: every word must match, each as a
 * prefix, and a word the tokenizer would split (a UUID, "acme-corp", an e-mail) becomes a phrase so
 * its parts must appear together. Only letters and digits reach the query, so no user text is ever
 * read as FTS5 syntax. Undefined when nothing searchable was typed.
 */
export function toFtsQuery(text: string): string | undefined {
  const phrases: string[] = [];
  for (const word of text.split(/\s+/)) {
    const tokens = word.match(/[\p{L}\p{N}]+/gu);
    if (tokens) phrases.push(`"${tokens.join(' ')}"*`);
  }
  return phrases.length ? phrases.join(' AND ') : undefined;
}
