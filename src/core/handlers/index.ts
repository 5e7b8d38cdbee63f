import type { z } from 'zod';
import { contract, isChannel, type Channel, type ChannelOutput } from '../../shared/contract';
import { KeydeskError, type Result } from '../../shared/errors';
import { innermostIssue } from '../../shared/zod-issues';
import { translateSqlError } from '../db/translate-sql-error';
import type { Services } from '../services';
import type { CallContext, HandlersOf } from './handler-types';
import { checkHandlers } from './check-handlers';
import { clipboardHandlers } from './clipboard-handlers';
import { credentialHandlers } from './credential-handlers';
import { historyHandlers } from './history-handlers';
import { importHandlers } from './import-handlers';
import { jwtHandlers } from './jwt-handlers';
import { oauthHandlers } from './oauth-handlers';
import { vaultHandlers } from './vault-handlers';
import { webhookHandlers } from './webhook-handlers';

/**
 * The contract implemented over the services. Inputs arrive already validated. Every action on a
 * credential goes through `audit.track`, so it is in the history whether it worked or not.
 */
export function createHandlers(services: Services): HandlersOf<Channel> {
  return {
    ...vaultHandlers(services),
    ...importHandlers(services),
    ...jwtHandlers(services),
    ...historyHandlers(services),
    ...clipboardHandlers(services),
    ...oauthHandlers(services),
    ...webhookHandlers(services),
    ...credentialHandlers(services),
    ...checkHandlers(services),
  };
}

export type Invoke = <C extends Channel>(
  channel: C,
  input: unknown,
  context?: CallContext,
) => Promise<Result<ChannelOutput<C>>>;

/**
 * The single entry point every transport uses (Electron IPC, the test binding, the CLI): validate
 * with the contract's schema, run the handler, and turn any failure into the typed error shape.
 */
export function createInvoke(services: Services): Invoke {
  const handlers = createHandlers(services) as Record<
    Channel,
    (input: unknown, context: CallContext) => unknown
  >;
  return async (channel, input, context = {}) => {
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
      const value = (await handlers[channel](parsed.data, context)) as ChannelOutput<
        typeof channel
      >;
      return { ok: true, value };
    } catch (error) {
      return failure(error);
    }
  };
}

function failure(raw: unknown): { ok: false; error: ReturnType<KeydeskError['toShape']> } {
  const error = translateSqlError(raw);
  if (error instanceof KeydeskError) return { ok: false, error: error.toShape() };
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Something went wrong inside Keydesk: ${message}` },
  };
}
