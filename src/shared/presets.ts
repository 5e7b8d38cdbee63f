/**
 * Names and labels the app's screens, the CLI and the schemas share. Zod-free, so the renderer's
 * first chunk can use them (the ACL checker and the schemas load on demand).
 */
export const aclPresetNames = ['client-sdk', 'none'] as const;
export type AclPresetName = (typeof aclPresetNames)[number];

/** What each ACL preset grants, in words for a menu. */
export const aclPresetLabels: Record<AclPresetName, string> = {
  'client-sdk': 'Client SDK (/v1 and /* paths)',
  none: 'None',
};

/** How a copied token is written: bare, an Authorization header, a curl line, a shell export. */
export const tokenFormats = ['raw', 'bearer', 'curl', 'export'] as const;
export type TokenFormat = (typeof tokenFormats)[number];

/**
 * `name=value`, split at the first "=" (the value may itself contain "="). null when there is no
 * name before it.
 */
export function splitNameValue(text: string): [name: string, value: string] | null {
  const at = text.indexOf('=');
  if (at < 1) return null;
  return [text.slice(0, at), text.slice(at + 1)];
}

/** What a new application may do, as Applications v2 and `--capability` name them. */
export const capabilityNames = ['voice', 'rtc', 'messages', 'video', 'verify'] as const;
export type CapabilityName = (typeof capabilityNames)[number];
