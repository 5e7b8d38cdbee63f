/**
 * The environment variables Keydesk hands to a customer's script (`keydesk exec`, `keydesk env`,
 * "Copy as .env"): the names Vonage's SDKs and CLI read. Zod-free: the renderer names them too.
 */
export const environmentVariables = {
  apiKey: 'VONAGE_API_KEY',
  apiSecret: 'VONAGE_API_SECRET',
  signatureSecret: 'VONAGE_SIGNATURE_SECRET',
  applicationId: 'VONAGE_APPLICATION_ID',
  privateKey: 'VONAGE_PRIVATE_KEY',
  privateKeyPath: 'VONAGE_APPLICATION_PRIVATE_KEY_PATH',
  jwt: 'VONAGE_JWT',
} as const;

export const environmentFormats = ['shell', 'dotenv', 'json'] as const;
export type EnvironmentFormat = (typeof environmentFormats)[number];

/** Names and values in the order they are printed. */
export type EnvironmentVariables = [name: string, value: string][];
