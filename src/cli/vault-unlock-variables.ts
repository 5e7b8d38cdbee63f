/**
 * The variables that open the vault file: its passphrase (or a file holding it) for scripts, and
 * an unlock session's token. They are taken out of the environment as the CLI starts and kept here, so nothing it
 * starts (`exec`'s command, `oauth login`'s browser, git) inherits them. What the kernel shows of
 * the process's first environment (/proc/PID/environ) still holds them: exec replaces itself
 * before it runs a command when the CLI was started with any of them (exec-supervisor.ts).
 */
export const vaultUnlockVariables = [
  'KEYDESK_PASSPHRASE',
  'KEYDESK_PASSPHRASE_FILE',
  'KEYDESK_SESSION',
] as const;
export type VaultUnlockVariable = (typeof vaultUnlockVariables)[number];

const kept = new Map<VaultUnlockVariable, string>();

/** Moves the variables from `env` into this module; returns whether any was there. */
export function takeVaultUnlockVariables(env: NodeJS.ProcessEnv): boolean {
  // One run's: a run in the tests' process must not see the one before's.
  kept.clear();
  for (const name of vaultUnlockVariables) {
    const value = env[name];
    if (value === undefined) continue;
    if (value !== '') kept.set(name, value);
    Reflect.deleteProperty(env, name);
  }
  return startedWithVaultUnlockVariables();
}

export const vaultUnlockVariable = (name: VaultUnlockVariable): string | undefined =>
  kept.get(name);

/** Whether the process's own first environment carried one (so its /proc environ shows it). */
export const startedWithVaultUnlockVariables = (): boolean => kept.size > 0;
