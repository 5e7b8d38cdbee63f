import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { Confirmation } from '../confirmation';

export type { Confirmation };

/**
 * What the caller may pass beside the input, never from the page: a long call reports how far it
 * got (the CLI's progress line; main forwards it to the window as a progress event).
 */
export interface CallContext {
  progress?: (done: number, total: number) => void;
  /**
   * Asks the person at the keyboard, outside whatever asked for the change: main's native dialog
   * for the window (a compromised page cannot click it), a prompt or --yes for the CLI. A change
   * that replaces a key in the dashboard runs only after a yes (confirmation.ts).
   */
  confirm?: (question: Confirmation) => Promise<boolean>;
  /** Main's own calls from the tray menu: the history says where a copy was asked for. */
  source?: 'tray';
}

export type HandlersOf<C extends Channel> = {
  [K in C]: (
    input: ParsedInput<K>,
    context: CallContext,
  ) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
};

/** Every channel of a prefix (`keychain` -> `keychain:unlock`, …): one handler file's whole list. */
export type HandlersFor<P extends string> = HandlersOf<Extract<Channel, `${P}:${string}`>>;
