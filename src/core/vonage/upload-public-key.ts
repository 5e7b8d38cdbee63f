import type { AccountSummary } from '../../shared/vault-schemas';
import {
  applicationUrl,
  basic,
  fetchApplicationObject,
  sameKey,
  type VonageHosts,
} from './credential-checks';
import { readDashboardApplication } from './dashboard-application';
import {
  CheckFailure,
  jsonObject,
  secretRefused,
  vonageRequest,
  type RequestOptions,
} from './vonage-request';
import { readProblem } from './vonage-problem';

/**
 * A failure Vonage answered (401, 404, a refused body, 429 after retries): the change did not
 * happen. Anything else (a timeout, a dropped connection, a 5xx, an unreadable answer) may have
 * happened; only asking Vonage again tells.
 */
export class UploadRefused extends CheckFailure {}

/**
 * Writes the application back as the dashboard has it with only `keys.public_key` changed (the
 * whole object, so no capability or webhook is lost), and checks that Vonage now shows that key.
 */
export async function uploadPublicKey(
  account: AccountSummary,
  secret: string,
  applicationId: string,
  publicKeyPem: string,
  hosts: VonageHosts,
  options: RequestOptions,
): Promise<void> {
  let found;
  try {
    found = await fetchApplicationObject(account, secret, applicationId, hosts, options);
  } catch (error) {
    // Nothing was written yet: whatever stopped the read, the change did not happen.
    if (error instanceof CheckFailure) throw new UploadRefused(error.code, error.message);
    throw error;
  }
  if ('outcome' in found) throw new UploadRefused(found.outcome.code, found.outcome.message);
  const keys = typeof found.object.keys === 'object' && found.object.keys ? found.object.keys : {};
  const answer = await vonageRequest(
    applicationUrl(hosts, applicationId),
    { authorization: basic(account.apiKey, secret) },
    {
      ...options,
      method: 'PUT',
      json: { ...found.object, keys: { ...keys, public_key: publicKeyPem } },
    },
  ).catch((error: unknown) => {
    if (error instanceof CheckFailure && error.code === 'RATE_LIMITED') {
      throw new UploadRefused(error.code, error.message);
    }
    throw error;
  });
  if (answer.status === 401) {
    throw new UploadRefused('AUTH_FAILED', secretRefused(account.apiKey));
  }
  if (answer.status >= 400 && answer.status < 500) {
    const { reason } = readProblem(answer.body);
    throw new UploadRefused(
      answer.status === 404 ? 'NOT_FOUND' : 'BAD_RESPONSE',
      `Vonage refused the new public key (HTTP ${answer.status}${reason ? `: ${reason}` : ''}).`,
    );
  }
  if (answer.status !== 200) {
    throw new CheckFailure('BAD_RESPONSE', `The update answered HTTP ${answer.status}, not 200.`);
  }
  const written = readDashboardApplication(jsonObject(answer, 'the application update'));
  if (!written.publicKey || !sameKey(written.publicKey, publicKeyPem)) {
    throw new CheckFailure(
      'BAD_RESPONSE',
      'Vonage answered the update, but the application it returned does not show the new public key.',
    );
  }
}
