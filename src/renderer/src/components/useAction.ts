import { useCallback, useState } from 'react';
import type { RendererChannel } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { FieldErrors } from '../api';
import { send } from '../data/channel-data';
import { useToast } from './toasts';

/** For a view without fields of its own: with `form`, every failure is its one error line. */
export const noFields = (): undefined => undefined;

/**
 * One write from a view: `run` sends it (undefined when it failed), `pending` is true meanwhile,
 * and a failure shows where it belongs. In a form (`fieldOf` given), `fieldOf` says beside which
 * of the form's fields a failure goes (the field the contract names, undefined when it names
 * none): "mint.ttlSeconds" to "ttlSeconds", or undefined for a field the form does not show.
 * The message lands in `fieldErrors` under that key. Any other failure is a toast, or with
 * `form` the form's own error (`fieldErrors._form`, shown by its footer). A change declined in
 * main's own confirmation is told as news, not as an error.
 */
export function useAction<C extends RendererChannel>(
  channel: C,
  options: { fieldOf?: (field: string | undefined) => string | undefined; form?: boolean } = {},
) {
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { fieldOf, form } = options;

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
        const beside = fieldOf ? fieldOf(field) : field;
        const shownAt = form ? (beside ?? '_form') : fieldOf ? beside : undefined;
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
    [channel, fieldOf, form, toast],
  );
  return { run, pending, fieldErrors, setFieldErrors };
}
