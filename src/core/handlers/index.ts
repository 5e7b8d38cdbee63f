import type * as z from 'zod';
import { isChannel, schemasOf, type Channel, type ChannelOutput } from '../../shared/contract';
import { KeydeskError, type Result } from '../../shared/errors';
import { innermostIssue } from '../../shared/zod-issues';
import { translateSqlError } from '../db/translate-sql-error';
import type { Services } from '../services';
import type { CallContext } from './handler-types';
import { lazyHandlers } from './handler-groups';

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
  const handlerOf = lazyHandlers(services);
  return async (channel, input, context = {}) => {
    if (!isChannel(channel)) {
      return failure(new KeydeskError('VALIDATION', `Unknown channel "${String(channel)}".`));
    }
    const parsed = ((await schemasOf(channel)).input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) {
      const issue = innermostIssue(parsed.error.issues[0]);
      const field = issue?.path.join('.') || undefined;
      return failure(new KeydeskError('VALIDATION', issue?.message ?? 'Invalid input.', field));
    }
    try {
      const handler = await handlerOf(channel);
      const value = (await handler(parsed.data, context)) as ChannelOutput<typeof channel>;
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
