import type { ChannelInput } from '../../../shared/contract';
import { copyViaMain } from './copy';
import { useToast } from './toasts';

export function useCopy() {
  const toast = useToast();
  return async (input: ChannelInput<'clipboard:copy'>) => {
    const result = await copyViaMain(input);
    toast(result.text, result.ok ? 'ok' : 'error');
    return result.ok;
  };
}
