import {
  importFileInputSchema,
  importInputSchema,
  importPreviewSchema,
  importResultSchema,
} from './import-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** Files Vonage's tools write, previewed and imported. The `import:` slice of the contract (contract.ts). */
export const importChannels = {
  'import:preview': {
    input: importInputSchema,
    output: importPreviewSchema,
  },
  'import:apply': {
    input: importInputSchema,
    output: importResultSchema,
  },
  /** The CLI's import: main reads the named file, and key paths resolve against its folder. */
  'import:previewFile': {
    input: importFileInputSchema,
    output: importPreviewSchema,
  },
  'import:applyFile': {
    input: importFileInputSchema,
    output: importResultSchema,
  },
} as const satisfies ChannelSchemas;
