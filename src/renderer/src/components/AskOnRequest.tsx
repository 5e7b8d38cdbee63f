import { useState, type ReactNode } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { useChannel } from '../data/channel-data';
import type { ReadChannel } from '../data/topics';

/**
 * A section whose content is Vonage's answer: asked only when the person presses the button (the
 * request uses a stored secret or key, and Vonage may be slow or refuse), then its failure with
 * Try again, the wait, or the answer, kept up to date like any read.
 */
export function AskOnRequest<C extends ReadChannel>(props: {
  channel: C;
  input: ChannelInput<C>;
  /** The button that asks: "Show users". */
  ask: string;
  /** Said while waiting: "Asking Vonage for the users…". */
  waiting: string;
  children: (answer: ChannelOutput<C>, refreshing: boolean) => ReactNode;
}) {
  const [asked, setAsked] = useState(false);
  const { data, error, loading, reload } = useChannel(props.channel, asked ? props.input : null);
  if (!asked) {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => setAsked(true)}>
          {props.ask}
        </button>
      </div>
    );
  }
  if (error) {
    return (
      <div className="banner banner--warning" role="alert">
        <p>{error.message}</p>
        <button type="button" className="button button--small" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (!data) return <p role="status">{loading ? props.waiting : ''}</p>;
  return <>{props.children(data, loading)}</>;
}
