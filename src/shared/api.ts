import type { ChannelOf } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import type { Result } from './errors';
import type { WindowEvent } from './events';

/** A channel the app's window may call (the CLI-only ones are not on `window.api` at all). */
export type RendererChannel = ChannelOf<'renderer'>;

/**
 * The object the preload puts on `window.api`: one named function per renderer channel, and `on`
 * for main's events (events.ts), which answers the unsubscribe.
 */
export type KeydeskApi = {
  [C in RendererChannel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & { on(listener: (event: WindowEvent) => void): () => void };
