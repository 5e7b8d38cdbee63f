/** The files Keydesk imports, without zod: the import code and the first screens use them. */
export const importFormats = [
  'nexmorc',
  'nexmo-app',
  'vonagerc',
  'vonage-app-json',
  'private-key',
] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importFormatLabels: Record<ImportFormat, string> = {
  nexmorc: '.nexmorc (Nexmo CLI credentials)',
  'nexmo-app': '.nexmo-app (Nexmo CLI application)',
  vonagerc: '.vonagerc / ~/.vonage/config.json (Vonage CLI)',
  'vonage-app-json': 'vonage_app.json (Vonage CLI application)',
  'private-key': 'private key file',
};

/** The largest credentials file Keydesk reads. */
export const maxImportFileBytes = 256 * 1024;
