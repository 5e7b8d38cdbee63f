import { homedir } from 'node:os';
import { basename, resolve, sep } from 'node:path';
import type { ImportSource } from '../../shared/import-schemas';

/** Stems that say nothing about the application: the names Vonage's tools give every file. */
const genericStems = new Set([
  '',
  'private',
  'privatekey',
  'key',
  'nexmo-app',
  'vonage_app',
  'vonagerc',
  'nexmorc',
  'config',
  'app',
]);

/**
 * A name for an application whose file has none: its project folder ("voice-bot" for
 * ~/src/voice-bot/.nexmo-app), else a file name that says something ("acme_voice.key"), else
 * plainly "Imported application" (a clash gets the id's start, as any other name).
 */
export function nameFromSource(input: ImportSource): string {
  const folder = input.sourceDir ? basename(input.sourceDir) : '';
  // The home folder names its owner, not a project.
  const inHome = input.sourceDir !== undefined && resolve(input.sourceDir) === homedir();
  if (folder && folder !== '.' && folder !== sep && !inHome) return folder;
  const stem = basename(input.fileName)
    .replace(/^\./, '')
    .replace(/\.[^.]+$/, '');
  if (!genericStems.has(stem.toLowerCase().replace(/[\s.]/g, ''))) return stem;
  return 'Imported application';
}
