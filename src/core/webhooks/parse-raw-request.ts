import { KeydeskError } from '../../shared/errors';

export interface RawRequest {
  method: string;
  /** The path and query of the request line. */
  target: string;
  headers: Map<string, string>;
  /** The body exactly as given: Vonage hashed the bytes it sent. */
  body: string;
}

function malformed(message: string): KeydeskError {
  return new KeydeskError('VALIDATION', message, 'request');
}

/**
 * A request as a support engineer pastes it from a log or a proxy: the request line, the
 * headers, a blank line, the body. Line ends may be CRLF or LF; the body is kept byte for byte.
 */
export function parseRawRequest(text: string): RawRequest {
  // trimStart/trimEnd, not /\s+$/: that regex is quadratic on a long run of spaces (a 1 MiB
  // paste blocked main for minutes).
  const start = text.trimStart();
  const headerEnd = /\r?\n\r?\n/.exec(start);
  const head = headerEnd ? start.slice(0, headerEnd.index) : start.trimEnd();
  const body = headerEnd ? start.slice(headerEnd.index + headerEnd[0].length) : '';
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/);
  const line = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/.exec(requestLine.trim());
  if (!line) {
    throw malformed(
      `The first line should be the request line, such as "POST /webhooks/event HTTP/1.1"; it is "${requestLine.slice(0, 80)}".`,
    );
  }
  const headers = new Map<string, string>();
  for (const [index, headerLine] of headerLines.entries()) {
    const colon = headerLine.indexOf(':');
    if (colon <= 0) {
      throw malformed(
        `Line ${index + 2} is not a header ("Name: value"): "${headerLine.slice(0, 80)}". Leave one blank line between the headers and the body.`,
      );
    }
    headers.set(
      headerLine.slice(0, colon).trim().toLowerCase(),
      headerLine.slice(colon + 1).trim(),
    );
  }
  return { method: line[1] ?? 'GET', target: line[2] ?? '/', headers, body };
}

/** The query of a request target, as name/value pairs in their order. */
export function queryOf(target: string): [string, string][] {
  const question = target.indexOf('?');
  if (question < 0) return [];
  return [...new URLSearchParams(target.slice(question + 1))];
}
