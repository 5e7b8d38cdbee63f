import { KeydeskError } from '../../shared/errors';
import type { CapabilityName } from '../../shared/user-schemas';
import type { ParsedInput } from '../../shared/contract';
import {
  applicationIdSchema,
  type AccountSummary,
  type ApplicationSummary,
} from '../../shared/vault-schemas';
import { generateKeyPair } from '../keys/generate-key-pair';
import type { Vault } from '../vault/vault-api';
import { sameKey } from './credential-checks';
import { readDashboardApplication } from './dashboard-application';
import type { VonageClient } from './vonage-client';
import { readProblem } from './vonage-problem';
import { CheckFailure, jsonObject, secretRefused } from './vonage-request';

type CreateInput = ParsedInput<'vonage:createApplication'>;

/** Each capability as Applications v2 takes it, with the webhooks given. */
function capabilitiesBody(input: CreateInput): Record<CapabilityName, object> {
  const hook = (address: string, method: 'GET' | 'POST') => ({ address, http_method: method });
  const body = {} as Record<CapabilityName, object>;
  for (const name of input.capabilities) {
    const webhooks: Record<string, object> = {};
    if (name === 'voice' && input.answerUrl) webhooks.answer_url = hook(input.answerUrl, 'GET');
    if ((name === 'voice' || name === 'rtc') && input.eventUrl)
      webhooks.event_url = hook(input.eventUrl, 'POST');
    body[name] = Object.keys(webhooks).length ? { webhooks } : {};
  }
  return body;
}

/** Applications v2's field, as the form and the CLI name it. */
function fieldOf(parameters: string[]): string | undefined {
  const first = parameters[0] ?? '';
  if (first.includes('answer_url')) return 'answerUrl';
  if (first.includes('event_url')) return 'eventUrl';
  if (first.startsWith('capabilities')) return 'capabilities';
  return first === 'name' ? 'name' : undefined;
}

export interface CreatedApplication {
  application: ApplicationSummary;
  capabilities: string[];
  message: string;
}

/**
 * A new application on Vonage (Applications v2, Basic auth with the account's key and secret).
 * The key pair is made here and only its public half is sent: Vonage never makes (or sends) the
 * private key. Once Vonage answers with the new id, the private key is stored with it.
 */
export async function createApplication(
  deps: { vault: Vault; client: VonageClient; now: () => Date },
  account: AccountSummary,
  input: CreateInput,
): Promise<CreatedApplication> {
  const key = await generateKeyPair();
  const answer = await deps.client
    .asAccount(account, {
      method: 'POST',
      path: '/v2/applications',
      json: {
        name: input.name,
        capabilities: capabilitiesBody(input),
        keys: { public_key: key.publicKeyPem },
      },
    })
    .catch((error: unknown) => {
      throw error instanceof CheckFailure
        ? error.toKeydeskError(
            'Vonage may or may not have created it: "keydesk apps sync" shows the dashboard.',
          )
        : error;
    });
  if (answer.status === 401) {
    throw new CheckFailure('AUTH_FAILED', secretRefused(account.apiKey)).toKeydeskError();
  }
  if (answer.status >= 400 && answer.status < 500) {
    const problem = readProblem(answer.body);
    throw new KeydeskError(
      answer.status === 400 || answer.status === 422 ? 'VALIDATION' : 'VONAGE_FAILED',
      `Vonage did not create "${input.name}" (HTTP ${answer.status}${problem.reason ? `: ${problem.reason}` : ''}).`,
      fieldOf(problem.parameters),
    );
  }
  if (answer.status !== 201 && answer.status !== 200) {
    throw new CheckFailure(
      'BAD_RESPONSE',
      `Creating the application answered HTTP ${answer.status}, not 201.`,
    ).toKeydeskError();
  }
  const object = jsonObject(answer, 'the new application');
  const id = applicationIdSchema.safeParse(object.id);
  const created = readDashboardApplication(object);
  if (!id.success) {
    throw new CheckFailure(
      'BAD_RESPONSE',
      'Vonage\'s answer to the new application has no application id: it may or may not exist now; "keydesk apps sync" shows the dashboard.',
    ).toKeydeskError();
  }
  if (created.publicKey !== undefined && !sameKey(created.publicKey, key.publicKeyPem)) {
    throw new KeydeskError(
      'VONAGE_FAILED',
      `Vonage created application ${id.data} but shows another public key than the one Keydesk sent; nothing was stored. Add it with a new key: keydesk apps add --account "${account.name}" --id ${id.data} --name "${input.name}" --generate-key --upload.`,
    );
  }
  let application: ApplicationSummary;
  try {
    application = await deps.vault.applications.create({
      accountId: account.id,
      id: id.data,
      name: input.name,
      key: { kind: 'pem', pem: key.privateKeyPem },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeydeskError(
      error instanceof KeydeskError ? error.code : 'INTERNAL',
      `Vonage created application ${id.data} ("${input.name}"), but Keydesk could not store its key: ${reason} Once that is mended, give it a new key: keydesk apps add --account "${account.name}" --id ${id.data} --name "${input.name}" --generate-key --upload.`,
    );
  }
  deps.vault.applications.setDashboard(application.id, {
    name: created.name,
    capabilities: created.capabilities,
    at: deps.now().toISOString(),
  });
  return {
    application: deps.vault.applications.get(application.id),
    capabilities: created.capabilities,
    message: `Created "${application.name}" (${application.id}) on Vonage in account "${account.name}" with ${created.capabilities.join(', ') || 'no capabilities'}; its private key is stored in Keydesk (fingerprint ${application.fingerprint}).`,
  };
}
