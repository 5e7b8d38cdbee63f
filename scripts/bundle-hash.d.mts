/** Writes `<bundle>.sha256` (hex, one line) and returns the hash. */
export function writeBundleHash(bundle: string): string;
