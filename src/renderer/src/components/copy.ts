import type { ChannelInput } from '../../../shared/contract';
import { formatRelative } from '../../../shared/durations';
import { send } from '../data/channel-data';

/** Asks main to copy; returns the sentence for the toast ("… copied; clipboard clears in 30 s"). */
export async function copyViaMain(
  input: ChannelInput<'clipboard:copy'>,
): Promise<{ ok: true; text: string } | { ok: false; text: string }> {
  const result = await send('clipboard:copy', input);
  if (!result.ok) return { ok: false, text: result.error.message };
  const { label, clearsAt } = result.value;
  return { ok: true, text: `Copied ${label}; ${clipboardClearsText(clearsAt)}.` };
}

/** "clipboard clears in 30 s", or that it is kept (the setting "never"). */
export function clipboardClearsText(clearsAt: string | null): string {
  return clearsAt
    ? `clipboard clears ${formatRelative(Date.parse(clearsAt) / 1000, Date.now() / 1000)}`
    : 'the clipboard keeps it';
}
