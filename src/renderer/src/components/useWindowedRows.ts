import { useCallback, useMemo, useState, type UIEvent } from 'react';

/**
 * Renders only the rows in view (plus a margin) of a long list whose rows have a few known
 * heights: a sidebar of a thousand accounts and ten thousand applications then costs what forty
 * rows cost, on first paint and on every keystroke.
 */
export function useWindowedRows(heights: readonly number[], viewportPx = 1200) {
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop),
    [],
  );
  /** tops[i] is where row i starts; tops[heights.length] is the whole list's height. */
  const tops = useMemo(() => {
    const list = new Float64Array(heights.length + 1);
    for (let i = 0; i < heights.length; i++) list[i + 1] = (list[i] ?? 0) + (heights[i] ?? 0);
    return list;
  }, [heights]);
  const total = tops[heights.length] ?? 0;
  const margin = 400;
  const start = rowAt(tops, Math.max(0, scrollTop - margin));
  const end = Math.min(heights.length, rowAt(tops, scrollTop + viewportPx + margin) + 1);
  const startTop = tops[start] ?? 0;
  const endTop = tops[end] ?? total;
  return {
    start,
    end,
    onScroll,
    padTop: startTop,
    padBottom: Math.max(0, total - endTop),
    /** Where a row starts and ends, to scroll it into view before the keyboard moves onto it. */
    span: (index: number) => ({ top: tops[index] ?? 0, bottom: tops[index + 1] ?? total }),
  };
}

/** The row that contains this offset (binary search over the row tops). */
function rowAt(tops: Float64Array, offset: number): number {
  let low = 0;
  let high = tops.length - 2;
  if (high < 0) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((tops[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
