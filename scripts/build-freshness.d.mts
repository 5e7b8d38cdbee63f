/** Why out/ needs building ('' when it is current): a built file missing, or a source newer. */
export function staleBuild(): string;
