import { KeydeskError } from '../../shared/errors';

const maxBody = 8 * 1024;

/**
 * Reads an OAuth token response (RFC 5849 2.1/2.3) strictly: form-encoded pairs only, no
 * duplicates, and every field the step needs present and non-empty. `step` names the leg in
 * messages ("request token", "access token").
 */
export function parseTokenResponse(
  body: string,
  step: string,
  required: readonly string[],
): Record<string, string> {
  const text = body.trim();
  const sample = JSON.stringify(text.slice(0, 80));
  if (text.length === 0) {
    throw new KeydeskError('OAUTH_BAD_RESPONSE', `The ${step} response was empty.`);
  }
  if (
    text.length > maxBody ||
    !/^[\w.~%+\-*]+=[\w.~%+\-*]*(&[\w.~%+\-*]+=[\w.~%+\-*]*)*$/.test(text)
  ) {
    throw new KeydeskError(
      'OAUTH_BAD_RESPONSE',
      `The ${step} response is not an OAuth token response (form-encoded oauth_token=…&oauth_token_secret=…); it starts ${sample}. Check the endpoint base URL.`,
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

/** The provider's own explanation of a refusal (RFC 5849 has none; most providers send this). */
export function oauthProblem(body: string): string | undefined {
  try {
    const params = new URLSearchParams(body.trim());
    const problem = params.get('oauth_problem');
    if (!problem) return undefined;
    const advice = params.get('oauth_problem_advice');
    return advice ? `${problem} (${advice})` : problem;
  } catch {
    return undefined;
  }
}
