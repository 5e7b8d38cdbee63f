import { mayCall, type ChannelOf } from '../shared/channels';
import type { ChannelInput, ChannelOutput } from '../shared/contract';
import { KeydeskError } from '../shared/errors';
import { createInvoke, type Invoke } from '../core/handlers';
import { servicesFromEnvironment, type Services } from '../core/services';
import { fromShape } from './cli-error';
import { note } from './output';

/**
 * The CLI goes through the same validation and handlers as the desktop app. Services (database,
 * keychain) are opened on first use only, so `--help` touches nothing.
 */
export function createCliContext() {
  let services: Services | undefined;
  let invoke: Invoke | undefined;

  function open(): Services {
    if (!services) {
      services = servicesFromEnvironment();
      for (const notice of services.notices) note(`keydesk: ${notice}`);
    }
    return services;
  }

  async function call<C extends ChannelOf<'cli'>>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> {
    // The type already says so; this keeps a cast from reaching a window-only channel.
    if (!mayCall('cli', channel)) {
      throw fromShape(new KeydeskError('INTERNAL', `"${channel}" is not a CLI channel.`).toShape());
    }
    invoke ??= createInvoke(open());
    const result = await invoke(channel, input);
    if (!result.ok) throw fromShape(result.error);
    return result.value;
  }

  return {
    call,
    services: open,
    close: () => services?.close(),
  };
}

export type CliContext = ReturnType<typeof createCliContext>;
