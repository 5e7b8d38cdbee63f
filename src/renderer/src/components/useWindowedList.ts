import { useCallback, useState, type UIEvent } from 'react';

/**
 * Renders only the rows in view (plus a margin) of a long, fixed-row-height list: a sidebar of a
 * thousand accounts then costs what thirty rows cost, on first paint and on every keystroke.
 */
export function useWindowedList(count: number, rowHeight: number, viewportRows = 30) {
  const [first, setFirst] = useState(0);
  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) =>
      setFirst(Math.floor(event.currentTarget.scrollTop / rowHeight)),
    [rowHeight],
  );
  const margin = 10;
  const start = Math.max(0, Math.min(first - margin, count - viewportRows - margin));
  const end = Math.min(count, first + viewportRows + margin);
  return {
    start,
    end,
    onScroll,
    padTop: start * rowHeight,
    padBottom: Math.max(0, (count - end) * rowHeight),
  };
}
