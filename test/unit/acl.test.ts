import { describe, expect, it } from 'vitest';
import { aclForPreset, parseAclJson } from '../../src/shared/acl';

describe('ACL presets', () => {
  it('client-sdk grants the Client SDK paths in both the /v1 and the /* forms', () => {
    const paths = Object.keys(aclForPreset('client-sdk')?.paths ?? {});
    for (const resource of [
      'users',
      'conversations',
      'sessions',
      'devices',
      'image',
      'applications',
      'push',
      'knocking',
    ]) {
      expect(paths).toContain(`/v1/${resource}/**`);
      expect(paths).toContain(`/*/${resource}/**`);
    }
    expect(paths).toContain('/v3/media/**');
    expect(paths).toContain('/*/media/**');
    expect(paths).toHaveLength(18);
  });

  it('none means no acl claim at all', () => {
    expect(aclForPreset('none')).toBeUndefined();
  });
});

describe('parseAclJson', () => {
  it('accepts methods and filters', () => {
    const text = '{"paths":{"/*/users/**":{"methods":["GET","POST"],"filters":{"name":"alice"}}}}';
    expect(parseAclJson(text)).toEqual({ ok: true, acl: JSON.parse(text) });
  });

  it.each([
    ['{"paths":', /not valid JSON/],
    ['[]', /An ACL is an object with one key, "paths"/],
    ['{"path":{}}', /"paths"|Unrecognized key/i],
    ['{"paths":[]}', /^At paths: ACL "paths" is an object/],
    ['{"paths":{"v1/users":{}}}', /^At paths\["v1\/users"\]: Each ACL path starts with "\/"/],
    [
      '{"paths":{"/v1/users":{"methods":"GET"}}}',
      /^At paths\["\/v1\/users"\]\.methods: ACL "methods" is a list/,
    ],
    [
      '{"paths":{"/v1/users":{"methods":["get"]}}}',
      /^At paths\["\/v1\/users"\]\.methods\[0\]: ACL methods are GET/,
    ],
    [
      '{"paths":{"/v1/users":{"filters":[1]}}}',
      /^At paths\["\/v1\/users"\]\.filters: ACL "filters" is an object/,
    ],
    ['{"paths":{"/v1/users":{"verbs":[]}}}', /^At paths\["\/v1\/users"\]/],
  ])('points at what is wrong in %s', (text, message) => {
    const result = parseAclJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a paste larger than 64 KiB before parsing it', () => {
    const result = parseAclJson(`{"paths":{"/${'x'.repeat(70_000)}":{}}}`);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('64 KiB') });
  });
});
