import { formatDuration } from '../../shared/durations';
import type { WebhookReason } from '../../shared/webhook-schemas';

/** Vonage expects a signed request within five minutes of its time. */
export const allowedAgeSeconds = 300;
/** Clocks differ a little: a time this far ahead is still taken as now. */
export const allowedSkewSeconds = 30;

/** A reason when a signing time is too old or in the future, saying by how much; else undefined. */
export function timeWindowReason(
  signedAt: number,
  nowSeconds: number,
  what: string,
): WebhookReason | undefined {
  const age = nowSeconds - signedAt;
  if (age > allowedAgeSeconds) {
    return {
      code: 'STALE_TIMESTAMP',
      message: `${what} ${formatDuration(age)} ago, ${formatDuration(age - allowedAgeSeconds)} beyond the ${formatDuration(allowedAgeSeconds)} allowed: a replayed or long-queued request, or a server clock that is wrong.`,
    };
  }
  if (-age > allowedSkewSeconds) {
    return {
      code: 'ISSUED_IN_FUTURE',
      message: `${what} ${formatDuration(-age)} in the future: the checking server's clock is behind (set it by NTP), or the time was altered.`,
    };
  }
  return undefined;
}
