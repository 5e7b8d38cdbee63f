/** What the audit history records (zod-free, for the renderer). */
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
  'oauth-login',
  'oauth-sign',
  'webhook-verify',
  'webhook-sign',
  'exec',
  'env',
  'check',
  'rotate-key',
  'rotate-secret',
  'revoke-secret',
] as const;
export type HistoryAction = (typeof historyActions)[number];
