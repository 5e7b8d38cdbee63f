import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import { createInvoke, type Invoke } from '../main/handlers';
import { servicesFromEnvironment, type Services } from '../main/services';
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

  async function call<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> {
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
