import { describe, expect, it } from 'vitest';
import { KeydeskError } from '../../src/shared/errors';
import { parseToken } from '../../src/core/jwt/parse-token';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const header = b64({ alg: 'RS256', typ: 'JWT' });
const payload = b64({ application_id: 'x', iat: 1 });
const signature = Buffer.from('not really a signature').toString('base64url');

function malformation(text: string): string {
  try {
    parseToken(text);
  } catch (error) {
    expect(error).toBeInstanceOf(KeydeskError);
    expect((error as KeydeskError).code).toBe('TOKEN_MALFORMED');
    expect((error as KeydeskError).field).toBe('token');
    return (error as Error).message;
  }
  throw new Error('parseToken accepted a malformed token');
}

describe('parseToken', () => {
  it('decodes header, claims and signature, even from a pasted Authorization header', () => {
    for (const text of [
      `${header}.${payload}.${signature}`,
      `Authorization: Bearer ${header}.${payload}.${signature}`,
      `"${header}.${payload}\n.${signature}"`,
    ]) {
      const token = parseToken(text);
      expect(token.header).toEqual({ alg: 'RS256', typ: 'JWT' });
      expect(token.claims).toEqual({ application_id: 'x', iat: 1 });
      expect(token.signature.toString()).toBe('not really a signature');
      expect(token.signingInput.toString()).toBe(`${header}.${payload}`);
    }
  });

  it('decodes an unsigned token so its claims can still be read', () => {
    expect(parseToken(`${header}.${payload}.`).signature).toHaveLength(0);
  });

  it.each([
    ['abc.def', /three parts .* this has 2/],
    ['a.b.c.d.e', /encrypted token \(JWE\)/],
    [`.${payload}.${signature}`, /The header \(part 1\) is empty/],
    [`${header}..${signature}`, /The payload \(part 2\) is empty/],
    [
      `${header}.${payload.slice(0, 5)}+/${payload.slice(5)}.${signature}`,
      /payload \(part 2\) is not base64url: it uses standard base64/,
    ],
    [
      `${header}.${payload}.ab$cd`,
      /signature \(part 3\) is not base64url: it has the character "\$" at position 3/,
    ],
    [`${header}.${b64('not json')}.${signature}`, /payload \(part 2\) is not valid JSON/],
    [`${b64('[1,2]')}.${payload}.${signature}`, /header \(part 1\) is JSON but not an object/],
    [
      `${header}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.${signature}`,
      /payload \(part 2\) does not decode to UTF-8/,
    ],
    [`${header}.${payload}a.${signature}`, /payload \(part 2\) .* cut short/],
  ])('names the part and the reason for %s', (text, message) => {
    expect(malformation(text)).toMatch(message);
  });
});
