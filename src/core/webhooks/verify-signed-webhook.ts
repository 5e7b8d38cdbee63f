import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';
import type { WebhookReason, WebhookVerdict } from '../../shared/webhook-schemas';
import { parseToken } from '../jwt/parse-token';
import type { SigningAccount } from './signing-accounts';
import { timeWindowReason } from './time-window';

export interface SignedWebhook {
  token: string;
  /** The body as given: hashed as these exact bytes first. */
  body: string;
  /** The request's query in order, for a GET webhook (Voice's answer URL): its payload. */
  query: [string, string][];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function hs256Verifies(signingInput: Buffer, signature: Buffer, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(signingInput).digest();
  return expected.length === signature.length && timingSafeEqual(expected, signature);
}

/** The compact JSON of a body a framework parsed and wrote back, or undefined if not JSON. */
function compactJson(body: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return undefined;
  }
}

/**
 * Signed webhooks (Voice, Messages and the other JWT-era APIs): `Authorization: Bearer <JWT>`,
 * HS256 with the signature secret of the account its `api_key` names, and a `payload_hash` that
 * is the SHA-256 of the payload: the body, or for a GET the query as compact JSON in its order.
 * Says every reason it fails, not only the first.
 */
export function verifySignedWebhook(
  webhook: SignedWebhook,
  accounts: readonly SigningAccount[],
  named: SigningAccount | undefined,
  nowSeconds: number,
): WebhookVerdict {
  const reasons: WebhookReason[] = [];
  const verdict = (account: SigningAccount | undefined, details: WebhookVerdict['details']) => ({
    valid: reasons.length === 0,
    scheme: 'jwt' as const,
    account: account ? { id: account.id, name: account.name } : null,
    method: 'HS256',
    reasons,
    details,
  });

  let token;
  try {
    token = parseToken(webhook.token);
  } catch (error) {
    const message = error instanceof KeydeskError ? error.message : String(error);
    reasons.push({ code: 'MALFORMED', message: `The token: ${message}` });
    return verdict(named, {});
  }
  const { header, claims, signingInput, signature } = token;
  if (header.alg !== 'HS256') {
    reasons.push({
      code: 'MALFORMED',
      message:
        `The token is signed with ${String(header.alg)}; a signed webhook uses HS256 with the account's signature secret. ${header.alg === 'RS256' ? 'This looks like an application token (RS256), not a webhook signature.' : ''}`.trim(),
    });
    return verdict(named, { claims });
  }

  const apiKey = typeof claims.api_key === 'string' ? claims.api_key : undefined;
  const account = named ?? accounts.find((a) => a.apiKey === apiKey);
  if (!account) {
    reasons.push({
      code: 'SIGNATURE_MISMATCH',
      message: apiKey
        ? `No stored account has the API key "${apiKey}" the token names. Add that account with its signature secret, or name the account to check against.`
        : 'The token has no api_key claim and no account was named: name the account to check against.',
    });
  } else if (account.secret === null) {
    reasons.push({
      code: 'NO_SIGNATURE_SECRET',
      message: `Account "${account.name}" has no signature secret stored. Copy it from the dashboard (API settings, "Signature secret") into the account, then verify again.`,
    });
  } else if (!hs256Verifies(signingInput, signature, account.secret)) {
    const signer = accounts.find(
      (other) =>
        other.id !== account.id &&
        other.secret !== null &&
        hs256Verifies(signingInput, signature, other.secret),
    );
    reasons.push(
      signer
        ? {
            code: 'SIGNED_BY_OTHER_ACCOUNT',
            message: `Signed with the signature secret of "${signer.name}" (API key ${signer.apiKey}), not of "${account.name}": the webhook came through the other account's application, or the customer checks it with the wrong account's secret.`,
          }
        : {
            code: 'SIGNATURE_MISMATCH',
            message: `The signature does not verify with the signature secret of "${account.name}", nor of any other stored account. The secret in the customer's code differs from the dashboard's (it may have been rotated), or the token was altered.`,
          },
    );
  }
  if (account && apiKey !== undefined && apiKey !== account.apiKey) {
    reasons.push({
      code: 'API_KEY_MISMATCH',
      message: `The token's api_key is "${apiKey}", but "${account.name}" has the API key ${account.apiKey}: the webhook belongs to another account.`,
    });
  }

  const details: WebhookVerdict['details'] = { claims };
  const expected = typeof claims.payload_hash === 'string' ? claims.payload_hash : undefined;
  const payload =
    webhook.body === '' && webhook.query.length > 0
      ? JSON.stringify(Object.fromEntries(webhook.query))
      : webhook.body;
  if (expected === undefined) {
    if (payload !== '') {
      reasons.push({
        code: 'MALFORMED',
        message: 'The token has no payload_hash claim, so nothing ties it to this body.',
      });
    }
  } else {
    const computed = sha256(payload);
    details.payloadHash = { expected, computed };
    if (computed !== expected.toLowerCase()) {
      const compact = compactJson(payload);
      if (
        compact !== undefined &&
        compact !== payload &&
        sha256(compact) === expected.toLowerCase()
      ) {
        details.payloadHash.computed = sha256(compact);
        reasons.push({
          code: 'BODY_RESERIALISED',
          message:
            'The body given is not byte for byte what Vonage sent, but written back as compact JSON it matches: a framework parsed and re-encoded it before the check. Hash the raw request body as received (before any JSON parsing), not the re-encoded one.',
        });
      } else {
        reasons.push({
          code: 'PAYLOAD_HASH_MISMATCH',
          message: `The signature is about another body: payload_hash is ${expected}, the body given hashes to ${computed}. ${webhook.body === '' && webhook.query.length > 0 ? 'For a GET webhook the payload is the query as compact JSON in its order.' : 'Make sure the body is the raw request body, whole and unchanged.'}`,
        });
      }
    }
  }

  const iat = claims.iat;
  if (typeof iat !== 'number') {
    reasons.push({ code: 'MALFORMED', message: 'The token has no numeric iat claim.' });
  } else {
    const late = timeWindowReason(iat, nowSeconds, 'The token was issued');
    if (late) reasons.push(late);
  }
  return verdict(account, details);
}
