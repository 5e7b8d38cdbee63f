import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/core/oauth/sign-request';
import { parseTokenResponse } from '../../src/core/oauth/parse-token-response';
import { networkError } from '../../src/core/oauth/http-call';
import { readCallback, isCallback } from '../../src/core/oauth/authorizer';
import { curlLine } from '../../src/core/oauth/curl-line';
import {
  expectedSignature,
  parseAuthorizationHeader,
  signatureBaseString,
} from '../helpers/oauth-provider';

// The worked example of OAuth Core 1.0 Appendix A (the same request RFC 5849 section 1.2 walks
// through): photos.example.net, with its published base string and signature.
const example = {
  method: 'GET',
  url: 'http://photos.example.net/photos',
  params: [
    ['file', 'vacation.jpg'],
    ['size', 'original'],
  ] as [string, string][],
  consumer: { key: 'dpf43f3p2l4k3l03', secret: 'kd94hf93k423kf44' },
  token: { key: 'nnch734d00sl2jdk', secret: 'pfkkdhi9sl3r4s00' },
  nonce: 'kllo9940pd9333jh',
  timestamp: 1191242096,
};
const publishedBaseString =
  'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal';
const publishedSignature = 'tR3+Ty81lMeYAr/Fid0kMTYa/WM=';

describe('OAuth 1.0a signing (oauth-1.0a library)', () => {
  it("reproduces the specification's published base string and HMAC-SHA1 signature", () => {
    const signed = signRequest({ ...example, signatureMethod: 'HMAC-SHA1' });
    expect(signed.baseString).toBe(publishedBaseString);
    expect(signed.oauthParams.oauth_signature).toBe(publishedSignature);
    expect(signed.authorization).toMatch(/^OAuth oauth_consumer_key="dpf43f3p2l4k3l03", /);
    expect(signed.authorization).toContain(
      'oauth_signature="tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D"',
    );
  });

  it("agrees with the test provider's independent RFC 5849 code (which also matches the spec)", () => {
    const url = new URL('http://photos.example.net/photos?file=vacation.jpg&size=original');
    for (const method of ['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT'] as const) {
      const signed = signRequest({ ...example, signatureMethod: method });
      const header = parseAuthorizationHeader(signed.authorization);
      const base = signatureBaseString('GET', url, header, []);
      expect(base).toBe(signed.baseString);
      expect(header.get('oauth_signature')).toBe(
        expectedSignature(method, base, example.consumer.secret, example.token.secret),
      );
    }
    const header = parseAuthorizationHeader(
      signRequest({ ...example, signatureMethod: 'HMAC-SHA1' }).authorization,
    );
    expect(signatureBaseString('GET', url, header, [])).toBe(publishedBaseString);
    expect(
      expectedSignature('HMAC-SHA1', publishedBaseString, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00'),
    ).toBe(publishedSignature);
  });

  it('PLAINTEXT sends the encoded secrets joined by &', () => {
    const signed = signRequest({
      ...example,
      consumer: { key: 'k', secret: 'a&b c' },
      token: { key: 't', secret: 'x/y' },
      signatureMethod: 'PLAINTEXT',
    });
    expect(signed.oauthParams.oauth_signature).toBe('a%26b%20c&x%2Fy');
  });

  it('signs oauth_callback and oauth_verifier and sends them in the header', () => {
    const signed = signRequest({
      method: 'POST',
      url: 'https://dashboard.nexmo.com/oauth/request_token',
      consumer: example.consumer,
      signatureMethod: 'HMAC-SHA1',
      extraOAuth: { oauth_callback: 'http://127.0.0.1:5000/cb' },
    });
    expect(signed.baseString).toContain(
      'oauth_callback%3Dhttp%253A%252F%252F127.0.0.1%253A5000%252Fcb',
    );
    expect(parseAuthorizationHeader(signed.authorization).get('oauth_callback')).toBe(
      'http://127.0.0.1:5000/cb',
    );
  });
});

describe('token responses', () => {
  const answer = (body: string, contentType = 'application/x-www-form-urlencoded') => ({
    status: 200,
    contentType,
    body,
    bytes: Buffer.byteLength(body),
  });

  it('reads a form-encoded token response', () => {
    expect(
      parseTokenResponse(
        answer('oauth_token=ab&oauth_token_secret=cd&oauth_callback_confirmed=true'),
        'request token',
        ['oauth_token', 'oauth_token_secret'],
      ),
    ).toEqual({ oauth_token: 'ab', oauth_token_secret: 'cd', oauth_callback_confirmed: 'true' });
  });

  it.each([
    ['', /was empty/],
    ['<html>Login</html>', /not an OAuth token response .*: HTTP 200, text\/html, 18 bytes/],
    ['{"oauth_token":"x"}', /not an OAuth token response/],
    ['oauth_token=ab', /has no oauth_token_secret/],
    ['oauth_token=ab&oauth_token=cd&oauth_token_secret=x', /repeats oauth_token/],
    ['oauth_token=&oauth_token_secret=x', /has no oauth_token/],
  ])('refuses %j with its own message', (body, message) => {
    const type = body.startsWith('<') ? 'text/html; charset=utf-8' : 'application/json';
    expect(() =>
      parseTokenResponse(answer(body, type), 'request token', [
        'oauth_token',
        'oauth_token_secret',
      ]),
    ).toThrow(message);
  });

  it('never quotes the body: a malformed answer can still hold the token secret', () => {
    const leaky = 'oauth_token=ab&oauth_token_secret=Leaked-Token-Secret-42&note=a b';
    let message = '';
    try {
      parseTokenResponse(answer(leaky), 'access token', ['oauth_token', 'oauth_token_secret']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/access token response is not an OAuth token response/);
    expect(message).toContain(`${Buffer.byteLength(leaky)} bytes`);
    expect(message).not.toContain('Leaked-Token-Secret-42');
    expect(message).not.toContain('oauth_token=ab');
  });
});

describe('the callback', () => {
  const callback = 'http://127.0.0.1/keydesk/oauth/callback';
  it('is recognised by origin and path only', () => {
    expect(isCallback(`${callback}?oauth_token=t&oauth_verifier=v`, callback)).toBe(true);
    expect(isCallback('http://127.0.0.1/other?oauth_token=t', callback)).toBe(false);
    expect(isCallback('https://127.0.0.1/keydesk/oauth/callback', callback)).toBe(false);
    expect(isCallback('not a url', callback)).toBe(false);
  });

  it('yields the verifier only for the request token that was issued', () => {
    expect(readCallback(`${callback}?oauth_token=t1&oauth_verifier=v1`, 't1')).toBe('v1');
    expect(() => readCallback(`${callback}?oauth_token=t2&oauth_verifier=v1`, 't1')).toThrow(
      expect.objectContaining({ code: 'OAUTH_TOKEN_MISMATCH' }),
    );
    expect(() => readCallback(`${callback}?denied=t1`, 't1')).toThrow(
      expect.objectContaining({ code: 'OAUTH_DENIED' }),
    );
    expect(() => readCallback(`${callback}?oauth_token=t1`, 't1')).toThrow(
      expect.objectContaining({ code: 'OAUTH_DENIED' }),
    );
  });
});

describe('curl line', () => {
  it('quotes for the shell and puts parameters where the method wants them', () => {
    expect(
      curlLine('GET', 'https://rest.nexmo.com/sms/json', 'OAuth a="1"', [['to', "O'Brien"]]),
    ).toBe(`curl -H 'Authorization: OAuth a="1"' 'https://rest.nexmo.com/sms/json?to=O%27Brien'`);
    expect(
      curlLine('POST', 'https://rest.nexmo.com/sms/json', 'OAuth a="1"', [['text', 'hi there']]),
    ).toBe(
      `curl -X POST -H 'Authorization: OAuth a="1"' --data-urlencode 'text=hi there' 'https://rest.nexmo.com/sms/json'`,
    );
  });
});

describe("RFC 5849's own examples", () => {
  it('section 1.2: the test provider computes the published HMAC-SHA1 signature', () => {
    const url = new URL('http://photos.example.net/photos?file=vacation.jpg&size=original');
    const oauthParams = new Map([
      ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
      ['oauth_token', 'nnch734d00sl2jdk'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131202'],
      ['oauth_nonce', 'chapoH'],
    ]);
    const base = signatureBaseString('GET', url, oauthParams, []);
    expect(expectedSignature('HMAC-SHA1', base, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe(
      'MdpQcU8iPSUjWoN/UDMsK2sui9I=',
    );
  });

  // Section 3.4.1.1: repeated names, encoded "=", "@" and spaces in query and body.
  const published =
    'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7';
  it('section 3.4.1.1: the test provider builds the published base string', () => {
    const url = new URL('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b');
    const oauthParams = new Map([
      ['realm', 'Example'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['oauth_signature', 'ignored'],
    ]);
    expect(
      signatureBaseString('POST', url, oauthParams, [
        ['c2', ''],
        ['a3', '2 q'],
      ]),
    ).toBe(published);
  });

  it('section 3.4.1.1: the library normalizes the same request the same way (plus oauth_version)', () => {
    const signed = signRequest({
      method: 'POST',
      url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
      params: [
        ['c2', ''],
        ['a3', '2 q'],
      ],
      consumer: { key: '9djdj82h48djs9d2', secret: 'j49sk3j29djd' },
      token: { key: 'kkk9d7dh3k39sjv7', secret: 'dh893hdasih9' },
      signatureMethod: 'HMAC-SHA1',
      nonce: '7d8f3e4a',
      timestamp: 137131201,
    });
    expect(signed.baseString).toBe(`${published}%26oauth_version%3D1.0`);
  });
});

describe('a call that never got an answer', () => {
  const failed = (code: string) =>
    networkError(
      Object.assign(new TypeError('fetch failed'), { cause: { code } }),
      'https://dashboard.nexmo.com/oauth/request_token',
      15_000,
      'request token',
    ).message;

  it('tells an offline machine apart from a wrong base URL', () => {
    expect(failed('EAI_AGAIN')).toMatch(/looks offline.*base URL may be fine/);
    expect(failed('ENETUNREACH')).toMatch(/network is unreachable.*offline/);
    expect(failed('ENOTFOUND')).toMatch(/does not resolve: check the base URL/);
    expect(failed('ECONNREFUSED')).toMatch(/refused the connection/);
    expect(failed('EAI_AGAIN')).not.toMatch(/check the base URL/);
  });
});
