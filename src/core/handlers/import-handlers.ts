import { dirname, resolve } from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import { maxImportFileBytes, type ImportSource } from '../../shared/import-schemas';
import { readRegularFile } from '../files/read-regular-file';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/**
 * Imports: the page sends a file's text (no folder: key paths in it are "outside" and need the
 * user's yes); the CLI names the file, main reads it as a regular file and knows its folder.
 */
export function importHandlers(services: Services): HandlersFor<'import'> {
  const { importer, audit } = services;

  async function readImportFile({
    path,
    ...choices
  }: ParsedInput<'import:previewFile'>): Promise<ImportSource> {
    const file = resolve(path);
    const content = await readRegularFile(
      file,
      maxImportFileBytes,
      'a Vonage credentials file',
      'path',
    );
    return { fileName: file, content, sourceDir: dirname(file), ...choices };
  }

  function apply(input: ImportSource) {
    return audit.track(
      { action: 'import', summary: `Imported ${input.fileName}` },
      () => importer.apply(input),
      (result) => {
        const created = result.items.filter((i) => i.outcome === 'created').length;
        const failed = result.items.filter((i) => i.outcome === 'failed').length;
        return {
          summary: `Imported ${input.fileName}: ${created} created${failed ? `, ${failed} failed` : ''}, ${result.items.length - created - failed} unchanged or skipped`,
        };
      },
    );
  }

  return {
    'import:preview': (input) => importer.preview(input),
    'import:apply': (input) => apply(input),
    'import:previewFile': async (input) => importer.preview(await readImportFile(input)),
    'import:applyFile': async (input) => apply(await readImportFile(input)),
  };
}
