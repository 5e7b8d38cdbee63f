import type { $ZodIssue } from 'zod/v4/core';

/**
 * A bad record key (an ACL path, a claim name) is reported by zod as a wrapper issue; its inner
 * issue carries the message that says what is wrong, at the wrapper's path plus the key.
 */
export function innermostIssue(issue: $ZodIssue | undefined): $ZodIssue | undefined {
  if (issue?.code === 'invalid_key' && issue.issues[0]) {
    return { ...issue.issues[0], path: issue.path } as $ZodIssue;
  }
  return issue;
}
