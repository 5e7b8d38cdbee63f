import type { RendererChannel } from '../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/errors';

/** The one way the renderer talks to main: `window.api`, typed by the contract. */
export function call<C extends RendererChannel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const fn = window.api[channel] as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  return fn(input);
}

/** Field errors of a form: the error shown next to the field the contract named. */
export type FieldErrors = Record<string, string>;
