import { timingSafeEqual } from 'node:crypto';
import { webhookSignatureMethods } from '../../shared/webhook-methods';
import type { WebhookReason, WebhookVerdict } from '../../shared/webhook-schemas';
import { sigOf, signedString } from './sig-params';
import type { SigningAccount } from './signing-accounts';
import { timeWindowReason } from './time-window';

/** Hex compared without regard to case, in constant time for equal lengths. */
function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase());
  const right = Buffer.from(b.toLowerCase());
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The first method that makes this secret produce `sig`, the account's own tried first. */
function methodThatVerifies(text: string, sig: string, account: SigningAccount) {
  if (account.secret === null) return undefined;
  const secret = account.secret;
  const order = [account.method, ...webhookSignatureMethods.filter((m) => m !== account.method)];
  return order.find((method) => sameHex(sigOf(text, secret, method), sig));
}

/**
 * Signed requests and SMS webhooks: the `sig` parameter over the others, by the method the
 * account chose in the dashboard, with a `timestamp` that must be recent.
 */
export function verifySigParams(
  params: [string, string][],
  accounts: readonly SigningAccount[],
  named: SigningAccount | undefined,
  nowSeconds: number,
): WebhookVerdict {
  const reasons: WebhookReason[] = [];
  const values = new Map(params);
  const text = signedString(params);
  const apiKey = values.get('api_key') ?? values.get('api-key');
  const account = named ?? accounts.find((a) => a.apiKey === apiKey);
  let method: string | null = account?.method ?? null;
  const verdict = (): WebhookVerdict => ({
    valid: reasons.length === 0,
    scheme: 'sig',
    account: account ? { id: account.id, name: account.name } : null,
    method,
    reasons,
    details: { signedString: text },
  });

  const sig = values.get('sig');
  if (!sig) {
    reasons.push({
      code: 'MALFORMED',
      message: 'There is no sig parameter: paste the whole query string or form body as received.',
    });
    return verdict();
  }
  if (!/^[0-9a-f]+$/i.test(sig)) {
    reasons.push({
      code: 'MALFORMED',
      message: `sig is not hexadecimal ("${sig.slice(0, 40)}"): it was cut or altered on the way.`,
    });
  } else if (!account) {
    reasons.push({
      code: 'SIGNATURE_MISMATCH',
      message: apiKey
        ? `No stored account has the API key "${apiKey}" the parameters name. Add it with its signature secret, or name the account to check against.`
        : 'The parameters name no api_key and no account was named: name the account to check against.',
    });
  } else if (account.secret === null) {
    reasons.push({
      code: 'NO_SIGNATURE_SECRET',
      message: `Account "${account.name}" has no signature secret stored. Copy it from the dashboard (API settings, "Signature secret") into the account, then verify again.`,
    });
  } else {
    const verifiedWith = methodThatVerifies(text, sig, account);
    if (verifiedWith && verifiedWith !== account.method) {
      method = verifiedWith;
      reasons.push({
        code: 'METHOD_MISMATCH',
        message: `sig verifies with ${verifiedWith}, but the account is set to ${account.method}: set the signature method to ${verifiedWith} in Keydesk, or check the dashboard's setting and the method in the customer's code.`,
      });
    } else if (!verifiedWith) {
      const signer = accounts
        .filter((other) => other.id !== account.id)
        .map((other) => ({ other, with: methodThatVerifies(text, sig, other) }))
        .find((found) => found.with !== undefined);
      reasons.push(
        signer
          ? {
              code: 'SIGNED_BY_OTHER_ACCOUNT',
              message: `sig was made with the signature secret of "${signer.other.name}" (${signer.with}), not of "${account.name}".`,
            }
          : {
              code: 'SIGNATURE_MISMATCH',
              message: `sig does not verify with the signature secret of "${account.name}" by any method, nor with any other stored account's. The secret differs from the dashboard's, or a parameter was changed, added or dropped (the signed string is shown).`,
            },
      );
    }
  }
  if (account && apiKey !== undefined && apiKey !== account.apiKey) {
    reasons.push({
      code: 'API_KEY_MISMATCH',
      message: `The parameters name the API key "${apiKey}", but "${account.name}" has ${account.apiKey}.`,
    });
  }
  const timestamp = values.get('timestamp');
  if (timestamp === undefined) {
    reasons.push({
      code: 'MALFORMED',
      message:
        'There is no timestamp parameter: a signed request carries one (Unix seconds) so it cannot be replayed later.',
    });
  } else if (!/^\d{1,12}$/.test(timestamp)) {
    reasons.push({
      code: 'MALFORMED',
      message: `timestamp is "${timestamp.slice(0, 40)}"; it should be Unix seconds, such as ${Math.floor(nowSeconds)}.`,
    });
  } else {
    const late = timeWindowReason(Number(timestamp), nowSeconds, 'It was signed');
    if (late) reasons.push(late);
  }
  return verdict();
}
