import { mayCall, type ChannelOf } from '../shared/channels';
import type { ChannelInput, ChannelOutput } from '../shared/contract';
import { KeydeskError } from '../shared/errors';
import type { Invoke } from '../core/handlers';
import type { CallContext } from '../core/handlers/handler-types';
import type { Authorizer } from '../core/oauth/authorizer';
import type { KeychainOpener, Services } from '../core/services';
import { fromShape } from './cli-error';
import { note } from './output';
import { io } from './cli-io';

/**
 * The CLI goes through the same validation and handlers as the desktop app, name lookups and
 * reads included: commands reach the vault only through `call`. Services (database, keychain) are
 * opened on first use only, and their code (the core, zod and every schema of the contract) is
 * loaded then too, so `--help` and a usage error touch none of it.
 */
export function createCliContext(options: { keychain?: KeychainOpener } = {}) {
  let services: Services | undefined;
  let invoke: Invoke | undefined;
  let authorizer: Authorizer | undefined;

  async function open(): Promise<{ services: Services; invoke: Invoke }> {
    if (!services || !invoke) {
      const [
        { servicesFromEnvironment },
        { createInvoke },
        { cliPassphrase },
        { createUnlockSessions },
        { vaultUnlockVariable },
      ] = await Promise.all([
        import('../core/services'),
        import('../core/handlers'),
        import('./vault-passphrase'),
        import('./unlock-sessions'),
        import('./vault-unlock-variables'),
      ]);
      const tell = (notice: string) => note(`keydesk: ${notice}`);
      services = servicesFromEnvironment(io().env, {
        authorizer,
        passphrase: cliPassphrase,
        ...(options.keychain && { keychain: options.keychain }),
        unlockSessions: createUnlockSessions({
          token: vaultUnlockVariable('KEYDESK_SESSION'),
          tell,
        }),
        tell,
      });
      for (const notice of services.notices) note(`keydesk: ${notice}`);
      invoke = createInvoke(services);
    }
    return { services, invoke };
  }

  async function call<C extends ChannelOf<'cli'>>(
    channel: C,
    input: ChannelInput<C>,
    context?: CallContext,
  ): Promise<ChannelOutput<C>> {
    // The type already says so; this keeps a cast from reaching a window-only channel.
    if (!mayCall('cli', channel)) {
      throw fromShape(new KeydeskError('INTERNAL', `"${channel}" is not a CLI channel.`).toShape());
    }
    const result = await (await open()).invoke(channel, input, context);
    if (!result.ok) throw fromShape(result.error);
    return result.value;
  }

  return {
    call,
    /**
     * What shows the provider's authorize page for `oauth login` (the loopback listener): given
     * before the services are made, never swapped into them afterwards.
     */
    useAuthorizer(chosen: Authorizer): void {
      if (services) throw new Error('useAuthorizer must come before the first call.');
      authorizer = chosen;
    },
    resolveAccount: (ref: string) => call('accounts:resolve', { ref }),
    resolveApp: (ref: string, account?: string) =>
      call('apps:resolve', { ref, ...(account === undefined ? {} : { account }) }),
    close: () => services?.close(),
  };
}

export type CliContext = ReturnType<typeof createCliContext>;
