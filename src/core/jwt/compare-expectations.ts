import type { Acl } from '../../shared/acl';

export interface TokenExpectations {
  sub?: string;
  applicationId?: string;
  /** null: the token should carry no ACL. */
  acl?: Acl | null;
}

function methodsOf(rules: unknown): string {
  const methods = (rules as { methods?: unknown } | undefined)?.methods;
  return Array.isArray(methods) && methods.length
    ? [...methods].map(String).sort().join(', ')
    : 'every method';
}

/**
 * Each way a token differs from what a customer's code expects (decode --expect-…): a sub or
 * application, and for the ACL each path added, missing, or allowing other methods.
 */
export function compareExpectations(
  claims: Record<string, unknown>,
  expected: TokenExpectations,
): string[] {
  const differences: string[] = [];
  const claim = (name: string) =>
    claims[name] === undefined ? 'missing' : JSON.stringify(claims[name]);
  if (expected.sub !== undefined && claims.sub !== expected.sub)
    differences.push(`sub is ${claim('sub')}, expected "${expected.sub}".`);
  if (
    expected.applicationId !== undefined &&
    String(claims.application_id ?? '').toLowerCase() !== expected.applicationId.toLowerCase()
  )
    differences.push(
      `application_id is ${claim('application_id')}, expected "${expected.applicationId}".`,
    );
  if (expected.acl === undefined) return differences;

  const actual = (claims.acl as { paths?: Record<string, unknown> } | undefined)?.paths;
  const wanted = expected.acl?.paths;
  if (!wanted) {
    if (actual)
      differences.push(
        `The token has an ACL (${Object.keys(actual).length} paths); none was expected.`,
      );
    return differences;
  }
  if (!actual || typeof actual !== 'object') {
    differences.push(`The token has no ACL; expected ${Object.keys(wanted).length} paths.`);
    return differences;
  }
  for (const path of Object.keys(wanted)) {
    if (!(path in actual)) differences.push(`ACL path ${path} is missing.`);
    else if (methodsOf(actual[path]) !== methodsOf(wanted[path]))
      differences.push(
        `ACL path ${path} allows ${methodsOf(actual[path])}; expected ${methodsOf(wanted[path])}.`,
      );
  }
  for (const path of Object.keys(actual))
    if (!(path in wanted)) differences.push(`ACL path ${path} is added (not expected).`);
  return differences;
}
