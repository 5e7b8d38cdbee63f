import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';
import { assertFreshBuild } from '../helpers/built';

describe('the built renderer page', () => {
  it('carries exactly the Content-Security-Policy, in one meta tag', () => {
    assertFreshBuild();
    const html = readFileSync(join(import.meta.dirname, '../../out/renderer/index.html'), 'utf8');
    const metas = [...html.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)];
    expect(metas).toHaveLength(1);
    expect(metas[0]?.[1]?.replaceAll('&#39;', "'")).toBe(contentSecurityPolicy);
    expect(html).not.toContain('unsafe-inline');
  });
});
