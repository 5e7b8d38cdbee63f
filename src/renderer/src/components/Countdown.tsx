import { useEffect, useState } from 'react';
import { formatDuration } from '../../../shared/durations';

/** "expires in 14 min 12 s", ticking; "expired 3 min ago" afterwards. */
export function Countdown({ exp }: { exp: number }) {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() / 1000), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.round(exp - now);
  return (
    <span
      className={left > 0 ? 'countdown' : 'countdown countdown--expired'}
      data-testid="countdown"
    >
      {left > 0 ? `expires in ${formatDuration(left)}` : `expired ${formatDuration(-left)} ago`}
    </span>
  );
}
