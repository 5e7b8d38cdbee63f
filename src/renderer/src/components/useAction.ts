import { useCallback, useState } from 'react';
import type { RendererChannel } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { FieldErrors } from '../api';
import { send } from '../data/channel-data';
import { useToast } from './toasts';

/**
 * One write from a view: `run` sends it (undefined when it failed), `pending` is true meanwhile,
 * and a failure shows where it belongs. In a form (`fieldOf` given), an error the contract names a
 * field for goes beside that field: `fieldErrors`, keyed as the form names its fields (`fieldOf`
 * maps "mint.ttlSeconds" to "ttlSeconds", or to undefined for a field the form does not show).
 * Any other failure is a toast. A change declined in main's own confirmation is told as news, not
 * as an error.
 */
export function useAction<C extends RendererChannel>(
  channel: C,
  options: { fieldOf?: (field: string) => string | undefined } = {},
) {
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { fieldOf } = options;

  const run = useCallback(
    async (input: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> => {
      setPending(true);
      try {
        const result = await send(channel, input);
        if (result.ok) {
          setFieldErrors({});
          return result.value;
        }
        const { field, message, code } = result.error;
        const shownAt = field !== undefined && fieldOf ? fieldOf(field) : undefined;
        if (shownAt !== undefined) {
          setFieldErrors({ [shownAt]: message });
        } else {
          setFieldErrors({});
          toast(message, code === 'CANCELLED' ? 'ok' : 'error');
        }
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [channel, fieldOf, toast],
  );
  return { run, pending, fieldErrors, setFieldErrors };
}
