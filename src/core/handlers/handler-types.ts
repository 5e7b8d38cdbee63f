import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';

export type HandlersOf<C extends Channel> = {
  [K in C]: (input: ParsedInput<K>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
};
