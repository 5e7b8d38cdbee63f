import type { Channel, ChannelOutput } from '../../src/shared/contract';
import type { KeydeskErrorShape } from '../../src/shared/errors';
import type { Invoke } from '../../src/core/handlers';
import type { CallContext } from '../../src/core/handlers/handler-types';
import { tally } from './tally';

/**
 * Calls channels exactly as the renderer does (untyped input in, Result out), plus `ok` for calls
 * that must succeed and `fails` for calls that must fail. `invoke` is read at call time, so it can
 * follow a fixture that makes new services for every test. `context` is what the transport adds
 * (main's confirmation dialog, say).
 */
export function contractCaller(invoke: () => Invoke, context: CallContext = {}) {
  const call = <C extends Channel>(channel: C, input: unknown) => invoke()(channel, input, context);
  return {
    call,
    async ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
      return result.value;
    },
    async fails(channel: Channel, input: unknown): Promise<KeydeskErrorShape> {
      tally('bad inputs tried');
      const result = await call(channel, input);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
  };
}
