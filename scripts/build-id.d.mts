/** Writes `<cliFolder>/build-id` (a SHA-256 over every bundle, hex, one line) and returns it. */
export function writeBuildId(cliFolder: string): string;
