import type { Keychain } from './keychain';

/**
 * A keychain in this process's memory: nothing survives the process. For benchmarks and tests that
 * measure or exercise Keydesk's own work rather than a keychain service's.
 */
export function createMemoryKeychain(entries = new Map<string, string>()): Keychain {
  return {
    kind: 'memory',
    describe: () => "this process's memory (nothing is kept)",
    // It stands in for the OS keychain (the tests, the benchmarks), and always answers.
    status: async () => ({ state: 'ok', backend: 'os' }),
    get: async (ref) => entries.get(ref) ?? null,
    set: async (ref, secret) => void entries.set(ref, secret),
    delete: async (ref) => entries.delete(ref),
    listRefs: async () => [...entries.keys()],
    readAll: async () => new Map(entries),
    setMany: async (many) => {
      for (const [ref, secret] of many) entries.set(ref, secret);
    },
    deleteMany: async (refs) => [...refs].filter((ref) => entries.delete(ref)),
  };
}
