import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Result } from './errors';

/** The object the preload puts on `window.api`: one named function per contract channel. */
export type KeydeskApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};
