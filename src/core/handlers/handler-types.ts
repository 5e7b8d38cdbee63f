import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';

/**
 * What an in-process caller (the CLI) may pass beside the input: a long call reports how far it
 * got. Over IPC there is none; the window runs such work in pieces instead.
 */
export interface CallContext {
  progress?: (done: number, total: number) => void;
}

export type HandlersOf<C extends Channel> = {
  [K in C]: (
    input: ParsedInput<K>,
    context: CallContext,
  ) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
};
