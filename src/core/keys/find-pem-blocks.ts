import { trimEndWhere, trimStartWhere } from '../../shared/trim';

export interface PemBlock {
  /** The word(s) between BEGIN and the dashes: "PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE"… */
  label: string;
  /** RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" (legacy encrypted PKCS#1). */
  headers: string[];
  /** The base64 body with all whitespace removed. */
  base64: string;
}

/**
 * Keys reach Keydesk pasted from dashboards, chats, JSON files and terminals, so before looking for
 * PEM blocks undo what those do to them: CRLF line ends, indentation, quoting, and `\n` escapes.
 */
export function normalisePastedText(text: string): string {
  let out = text.replace(/\r\n?/g, '\n');
  if (out.includes('-----BEGIN') && out.includes('\\n')) out = out.replace(/\\n/g, '\n');
  return out
    .split('\n')
    .map((line) =>
      trimEndWhere(
        trimStartWhere(line, (char) => /[\s>"']/.test(char)),
        (char) => /[\s"',]/.test(char),
      ),
    )
    .join('\n');
}

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function findPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of normalisePastedText(text).matchAll(blockPattern)) {
    const label = match[1] ?? '';
    const headers: string[] = [];
    const bodyLines: string[] = [];
    for (const line of (match[2] ?? '').split('\n')) {
      if (/^[A-Za-z-]+:\s/.test(line)) headers.push(line);
      else bodyLines.push(line);
    }
    blocks.push({ label, headers, base64: bodyLines.join('').replace(/\s+/g, '') });
  }
  return blocks;
}

export function toPem(label: string, base64: string, headers: string[] = []): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  const head = headers.length > 0 ? `${headers.join('\n')}\n\n` : '';
  return `-----BEGIN ${label}-----\n${head}${lines.join('\n')}\n-----END ${label}-----\n`;
}
