import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import { createInvoke, type Invoke } from '../main/handlers';
import { servicesFromEnvironment, type Services } from '../main/services';
import { fromShape } from './cli-error';

/**
 * The CLI goes through the same validation and handlers as the desktop app. Services (database,
 * keychain) are opened on first use only, so `--help` touches nothing.
 */
export function createCliContext() {
  let services: Services | undefined;
  let invoke: Invoke | undefined;

  async function call<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> {
    services ??= servicesFromEnvironment();
    invoke ??= createInvoke(services);
    const result = await invoke(channel, input);
    if (!result.ok) throw fromShape(result.error);
    return result.value;
  }

  return {
    call,
    services: () => (services ??= servicesFromEnvironment()),
    close: () => services?.close(),
  };
}

export type CliContext = ReturnType<typeof createCliContext>;
