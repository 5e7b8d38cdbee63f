/**
 * Turns what someone types into the search box into an FTS5 query. Every word must match a whole
 * word, except the last, which may be the start of one (search as you type). A word the tokenizer
 * would split (a UUID, "acme-corp", an e-mail) becomes a phrase so its parts must appear together.
 * Only letters and digits reach the query, so no user text is ever read as FTS5 syntax.
 * Undefined when nothing searchable was typed.
 *
 * Why only the last word is a prefix: FTS5 answers an exact word by streaming its postings newest
 * first and stopping at the page size, but must merge every posting of every matching word for a
 * prefix. A prefix shared by most events ("customer") costs tens of milliseconds at a million
 * events; as a whole word it costs well under one.
 */
export function toFtsQuery(text: string): string | undefined {
  const phrases: string[] = [];
  for (const word of text.split(/\s+/)) {
    const tokens = word.match(/[\p{L}\p{N}]+/gu);
    if (tokens) phrases.push(`"${tokens.join(' ')}"`);
  }
  if (phrases.length === 0) return undefined;
  phrases[phrases.length - 1] += '*';
  return phrases.join(' AND ');
}
