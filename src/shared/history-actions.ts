/** What the audit history records (zod-free, for the renderer). OAuth actions join later. */
export const historyActions = [
  'mint',
  'copy',
  'reveal',
  'export',
  'import',
  'generate-key',
  'create',
  'update',
  'remove',
] as const;
export type HistoryAction = (typeof historyActions)[number];
