import { describe, expect, it, vi } from 'vitest';
import { coalesceChanges } from '../../src/core/events/coalesce-changes';
import type { WindowEvent } from '../../src/shared/events';

describe("the window's events", () => {
  it('merge a burst of changes into one naming every topic; progress goes at once', () => {
    vi.useFakeTimers();
    try {
      const sent: WindowEvent[] = [];
      const toWindow = coalesceChanges((event) => sent.push(event), 100);
      for (let i = 0; i < 50; i += 1) {
        toWindow.push({ name: 'changed', topics: ['history'] });
        toWindow.push({ name: 'progress', done: i + 1, total: 50 });
      }
      toWindow.push({ name: 'changed', topics: ['checks', 'applications'] });
      expect(sent.filter((e) => e.name === 'changed')).toEqual([]);
      expect(sent.filter((e) => e.name === 'progress')).toHaveLength(50);
      vi.advanceTimersByTime(100);
      expect(sent.filter((e) => e.name === 'changed')).toEqual([
        { name: 'changed', topics: ['history', 'checks', 'applications'] },
      ]);
      // A later change is a new burst.
      toWindow.push({ name: 'changed', topics: ['settings'] });
      toWindow.flush();
      expect(sent.at(-1)).toEqual({ name: 'changed', topics: ['settings'] });
      vi.advanceTimersByTime(1000);
      expect(sent.filter((e) => e.name === 'changed')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
