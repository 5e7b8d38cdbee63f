import { describe, expect, it } from 'vitest';
import {
  bypassesProxy,
  environmentSetsProxy,
  proxyFromEnvironment,
  proxyFromSystemAnswer,
} from '../../src/core/net/proxy-choice';

/** Which proxy a request takes, as curl decides from HTTPS_PROXY, HTTP_PROXY and NO_PROXY. */
const choose = (url: string, env: NodeJS.ProcessEnv) => {
  const choice = proxyFromEnvironment(new URL(url), env);
  return choice && { shown: choice.shown, from: choice.from, href: choice.url.href };
};

describe('proxy from the environment', () => {
  it('takes HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://corp:3128', https_proxy: 'http://lower:8080' };
    expect(choose('https://api.nexmo.com/v2', env)).toEqual({
      shown: 'lower:8080',
      from: 'https_proxy',
      href: 'http://lower:8080/',
    });
    expect(choose('https://api.nexmo.com/v2', { HTTPS_PROXY: 'http://corp:3128' })?.from).toBe(
      'HTTPS_PROXY',
    );
    expect(choose('http://127.0.0.1:9000/', { HTTPS_PROXY: 'http://corp:3128' })).toBeUndefined();
    expect(choose('http://127.0.0.1:9000/', { HTTP_PROXY: 'corp:3128' })?.shown).toBe('corp:3128');
  });

  it('fills in what curl fills in: the http scheme and port 1080', () => {
    expect(choose('https://a.nexmo.com', { HTTPS_PROXY: 'corp' })?.href).toBe('http://corp:1080/');
    expect(choose('https://a.nexmo.com', { HTTPS_PROXY: 'http://corp' })?.shown).toBe('corp:1080');
    expect(choose('https://a.nexmo.com', { HTTPS_PROXY: 'http://corp:80' })?.shown).toBe('corp:80');
    expect(choose('https://a.nexmo.com', { HTTPS_PROXY: 'https://corp' })?.shown).toBe('corp:443');
  });

  it('keeps the credentials for use and out of what is shown', () => {
    const choice = proxyFromEnvironment(new URL('https://api.nexmo.com'), {
      HTTPS_PROXY: 'http://alice:s%40cret@corp:3128',
    });
    expect(choice?.shown).toBe('corp:3128');
    expect([choice?.url.username, choice?.url.password]).toEqual(['alice', 's%40cret']);
  });

  it('refuses what it cannot go through, naming the variable', () => {
    expect(() => choose('https://a.nexmo.com', { HTTPS_PROXY: 'socks5://corp:1080' })).toThrow(
      /HTTPS_PROXY names a socks5 proxy \(corp:1080\); Keydesk goes through http and https proxies only/,
    );
    expect(() => choose('https://a.nexmo.com', { HTTPS_PROXY: 'http://[bad' })).toThrow(
      /HTTPS_PROXY is not a proxy address/,
    );
  });

  it('says whether the environment decides at all', () => {
    expect(environmentSetsProxy({})).toBe(false);
    expect(environmentSetsProxy({ HTTPS_PROXY: ' ' })).toBe(false);
    expect(environmentSetsProxy({ no_proxy: 'localhost' })).toBe(true);
  });
});

describe('NO_PROXY, as curl reads it', () => {
  const url = (text: string) => new URL(text);
  it.each([
    ['*', 'https://api.nexmo.com', true],
    ['nexmo.com', 'https://api.nexmo.com', true],
    ['.nexmo.com', 'https://api.nexmo.com', true],
    ['nexmo.com', 'https://nexmo.com', true],
    ['nexmo.com', 'https://notnexmo.com', false],
    ['api.nexmo.com', 'https://rest.nexmo.com', false],
    ['localhost, 127.0.0.1', 'http://127.0.0.1:8080', true],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080', true],
    ['127.0.0.1:8080', 'http://127.0.0.1:9090', false],
    ['api.nexmo.com:443', 'https://api.nexmo.com', true],
    ['[::1]', 'http://[::1]:3000', true],
    ['API.NEXMO.COM', 'https://api.nexmo.com', true],
    ['', 'http://127.0.0.1', false],
  ])('%s for %s: %s', (noProxy, target, bypass) => {
    expect(bypassesProxy(url(target), noProxy)).toBe(bypass);
  });

  it('decides for this machine too: without it, loopback goes through the proxy', () => {
    expect(choose('http://127.0.0.1:9000', { HTTP_PROXY: 'corp:3128' })?.shown).toBe('corp:3128');
    expect(
      choose('http://127.0.0.1:9000', { HTTP_PROXY: 'corp:3128', NO_PROXY: '127.0.0.1' }),
    ).toBeUndefined();
  });
});

describe("the system's answer (Chromium's, PAC style)", () => {
  it('takes the first entry', () => {
    expect(proxyFromSystemAnswer('DIRECT')).toBeUndefined();
    expect(proxyFromSystemAnswer('')).toBeUndefined();
    expect(proxyFromSystemAnswer('PROXY corp:3128; DIRECT')).toMatchObject({
      shown: 'corp:3128',
      from: "the system's proxy settings",
    });
    expect(proxyFromSystemAnswer('HTTPS secure.corp:8443')?.url.href).toBe(
      'https://secure.corp:8443/',
    );
    expect(() => proxyFromSystemAnswer('SOCKS5 corp:1080')).toThrow(/socks5 proxy/);
  });
});
