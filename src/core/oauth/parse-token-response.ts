import { KeydeskError } from '../../shared/errors';
import { describeAnswer, type HttpResult } from './http-call';

const maxBody = 8 * 1024;

/**
 * Reads an OAuth token response (RFC 5849 2.1/2.3) strictly: form-encoded pairs only, no
 * duplicates, and every field the step needs present and non-empty. `step` names the leg in
 * messages ("request token", "access token"). Messages never quote the body: it may hold the
 * token secret.
 */
export function parseTokenResponse(
  result: HttpResult,
  step: string,
  required: readonly string[],
): Record<string, string> {
  const text = result.body.trim();
  if (text.length === 0) {
    throw new KeydeskError(
      'OAUTH_BAD_RESPONSE',
      `The ${step} response was empty (${describeAnswer(result)}).`,
    );
  }
  if (
    text.length > maxBody ||
    !/^[\w.~%+\-*]+=[\w.~%+\-*]*(&[\w.~%+\-*]+=[\w.~%+\-*]*)*$/.test(text)
  ) {
    throw new KeydeskError(
      'OAUTH_BAD_RESPONSE',
      `The ${step} response is not an OAuth token response (form-encoded oauth_token=…&oauth_token_secret=…): ${describeAnswer(result)}. Check the endpoint base URL.`,
    );
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) {
      throw new KeydeskError('OAUTH_BAD_RESPONSE', `The ${step} response repeats ${name}.`);
    }
    fields[name] = value;
  }
  for (const name of required) {
    if (!fields[name]) {
      throw new KeydeskError('OAUTH_BAD_RESPONSE', `The ${step} response has no ${name}.`);
    }
  }
  return fields;
}
