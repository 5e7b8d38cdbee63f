import { createHash } from 'node:crypto';
import type { Acl } from '../../shared/acl';

/** JSON with object keys sorted, so the same ACL always hashes the same however it was typed. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Identifies a custom ACL in the history without storing it (ACLs can be long). */
export function aclHash(acl: Acl): string {
  return createHash('sha256').update(canonicalJson(acl)).digest('hex').slice(0, 16);
}
