import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import {
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ParsedInput,
} from '../shared/contract';
import { KeydeskError, type Result } from '../shared/errors';
import { parsePrivateKey } from './keys/parse-private-key';
import type { Services } from './services';

type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/** The contract implemented over the services. Inputs arrive already validated. */
export function createHandlers(services: Services): Handlers {
  const { vault, importer } = services;
  return {
    'system:status': async () => ({
      version: services.version,
      dataDir: services.dataDir,
      keychain: await services.keychainStatus(),
    }),
    'accounts:list': ({ query }) => vault.accounts.list(query),
    'accounts:get': ({ id }) => vault.accounts.get(id),
    'accounts:create': (input) => vault.accounts.create(input),
    'accounts:update': (input) => vault.accounts.update(input),
    'accounts:remove': ({ id }) => vault.accounts.remove(id),
    'accounts:revealSecret': async ({ id, which }) => ({
      value: await vault.accounts.revealSecret(id, which),
    }),
    'apps:list': (filter) => vault.applications.list(filter),
    'apps:get': ({ id }) => vault.applications.get(id),
    'apps:create': (input) => vault.applications.create(input),
    'apps:update': (input) => vault.applications.update(input),
    'apps:replaceKey': (input) => vault.applications.replaceKey(input),
    'apps:remove': async ({ id }) => {
      await vault.applications.remove(id);
      return { removed: true as const };
    },
    'apps:exportPrivateKey': async ({ id }) => ({
      pem: await vault.applications.exportPrivateKey(id),
    }),
    'keys:inspect': ({ pem, passphrase }) => {
      const { format, encrypted, bits, fingerprint, publicKeyPem } = parsePrivateKey(
        pem,
        passphrase,
      );
      return { format, encrypted, bits, fingerprint, publicKeyPem };
    },
    'import:preview': (input) => importer.preview(input),
    'import:apply': (input) => importer.apply(input),
    'doctor:run': ({ fix }) => services.doctor(fix),
  };
}

export type Invoke = <C extends Channel>(
  channel: C,
  input: unknown,
) => Promise<Result<ChannelOutput<C>>>;

/**
 * The single entry point every transport uses (Electron IPC, the test binding, the CLI): validate
 * with the contract's schema, run the handler, and turn any failure into the typed error shape.
 */
export function createInvoke(services: Services): Invoke {
  const handlers = createHandlers(services) as Record<Channel, (input: unknown) => unknown>;
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return failure(new KeydeskError('VALIDATION', `Unknown channel "${String(channel)}".`));
    }
    const parsed = (contract[channel].input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) {
      const issue = innermostIssue(parsed.error.issues[0]);
      const field = issue?.path.join('.') || undefined;
      return failure(new KeydeskError('VALIDATION', issue?.message ?? 'Invalid input.', field));
    }
    try {
      const value = (await handlers[channel](parsed.data)) as ChannelOutput<typeof channel>;
      return { ok: true, value };
    } catch (error) {
      return failure(error);
    }
  };
}

function failure(error: unknown): { ok: false; error: ReturnType<KeydeskError['toShape']> } {
  if (error instanceof KeydeskError) return { ok: false, error: error.toShape() };
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Something went wrong inside Keydesk: ${message}` },
  };
}

/** A bad record key (an ACL path) is reported by zod as a wrapper; its inner issue says what is wrong. */
function innermostIssue(issue: $ZodIssue | undefined): $ZodIssue | undefined {
  if (issue?.code === 'invalid_key' && issue.issues[0]) {
    return { ...issue.issues[0], path: issue.path } as $ZodIssue;
  }
  return issue;
}
