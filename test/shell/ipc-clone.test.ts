import { describe, expect, it } from 'vitest';
import { cloneAsIpc } from '../e2e/harness';

describe('results cross the end-to-end harness as Electron IPC carries them', () => {
  it('plain data arrives equal', () => {
    const value = { ok: true, value: [{ id: 'a', n: 1, at: null, nested: { list: ['x'] } }] };
    expect(cloneAsIpc('accounts:list', value)).toEqual(value);
  });

  it('a function fails the call, as structured cloning refuses it', () => {
    expect(() => cloneAsIpc('apps:get', { ok: true, value: { run: () => 1 } })).toThrow(
      /Error invoking remote method 'apps:get'.*could not be cloned/,
    );
  });

  it('a class instance fails the call: IPC would deliver it without its methods', () => {
    class Summary {
      constructor(readonly id: string) {}
    }
    expect(() => cloneAsIpc('apps:get', { ok: true, value: [new Summary('a')] })).toThrow(
      /class instance \(Summary\) at value\.0/,
    );
  });
});
