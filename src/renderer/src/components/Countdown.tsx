import { formatDuration } from '../../../shared/durations';
import { useNow } from './useNow';

/** "expires in 14 min 12 s", ticking; "expired 3 min ago" afterwards. */
export function Countdown({ exp }: { exp: number }) {
  const left = Math.round(exp - useNow());
  return (
    <span
      className={left > 0 ? 'countdown' : 'countdown countdown--expired'}
      data-testid="countdown"
    >
      {left > 0 ? `expires in ${formatDuration(left)}` : `expired ${formatDuration(-left)} ago`}
    </span>
  );
}
