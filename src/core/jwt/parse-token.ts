import { KeydeskError } from '../../shared/errors';

export interface ParsedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

const partNames = ['header (part 1)', 'payload (part 2)', 'signature (part 3)'] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function malformed(message: string): KeydeskError {
  return new KeydeskError('TOKEN_MALFORMED', message, 'token');
}

/** What people paste around a token: an Authorization header, "Bearer", quotes, line breaks. */
function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^authorization\s*:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .replace(/^(["'`])(.*)\1$/s, '$2')
    .replace(/\s+/g, '');
}

function decodePart(part: string, name: string): Buffer {
  if (part === '') throw malformed(`The ${name} is empty.`);
  const bad = /[^A-Za-z0-9_-]/.exec(part);
  if (bad) {
    const hint = /[+/=]/.test(bad[0])
      ? 'it uses standard base64 ("+", "/", "=") where JWTs use base64url ("-", "_", no padding)'
      : `it has the character ${JSON.stringify(bad[0])} at position ${bad.index + 1}, which base64url does not use`;
    throw malformed(`The ${name} is not base64url: ${hint}.`);
  }
  if (part.length % 4 === 1) {
    throw malformed(`The ${name} has a length no base64url text can have: it was cut short.`);
  }
  return Buffer.from(part, 'base64url');
}

function decodeJsonPart(part: string, name: string): Record<string, unknown> {
  let text: string;
  try {
    text = utf8.decode(decodePart(part, name));
  } catch (error) {
    if (error instanceof KeydeskError) throw error;
    throw malformed(`The ${name} does not decode to UTF-8 text.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed(`The ${name} is not valid JSON: ${(error as Error).message}.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw malformed(`The ${name} is JSON but not an object.`);
  }
  return value as Record<string, unknown>;
}

/** Splits and decodes a compact JWS strictly, saying which part is wrong and why. */
export function parseToken(text: string): ParsedToken {
  const token = unwrap(text);
  const parts = token.split('.');
  if (parts.length === 5) {
    throw malformed(
      'This has five parts: it is an encrypted token (JWE). Vonage tokens are signed JWTs with three parts.',
    );
  }
  if (parts.length !== 3) {
    throw malformed(
      `A JWT has three parts separated by dots (header.payload.signature); this has ${parts.length}.`,
    );
  }
  const [header = '', payload = '', signature = ''] = parts;
  return {
    header: decodeJsonPart(header, partNames[0]),
    claims: decodeJsonPart(payload, partNames[1]),
    signingInput: Buffer.from(`${header}.${payload}`),
    // An unsigned token still decodes, so its claims can be read; the inspection flags it.
    signature: signature === '' ? Buffer.alloc(0) : decodePart(signature, partNames[2]),
  };
}
