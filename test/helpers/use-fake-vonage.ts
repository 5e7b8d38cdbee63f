import { afterAll, beforeAll } from 'vitest';
import { startFakeVonage, type FakeVonage } from './fake-vonage';

/**
 * Registers hooks that start the fake for the test file and point this process's checks at it
 * (KEYDESK_VONAGE_API_HOST and KEYDESK_VONAGE_REST_HOST, read at each check), restoring them
 * afterwards. Read `fake()` inside tests only.
 */
export function useFakeVonage(options: Parameters<typeof startFakeVonage>[0] = {}) {
  let fake: FakeVonage | undefined;
  const names = ['KEYDESK_VONAGE_API_HOST', 'KEYDESK_VONAGE_REST_HOST'] as const;
  const saved = names.map((name) => process.env[name]);
  beforeAll(async () => {
    fake = await startFakeVonage(options);
    for (const name of names) process.env[name] = fake.url;
  });
  afterAll(async () => {
    await fake?.close();
    names.forEach((name, index) => {
      const value = saved[index];
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    });
  });
  return () => {
    if (!fake) throw new Error('useFakeVonage() is ready inside tests only');
    return fake;
  };
}
