/**
 * The form two names are compared in: NFC, then case-folded for every script (so `ZÜRICH` finds
 * `Zürich` and `STRASSE` finds `Straße`), then NFC again. Upper- then lower-casing folds what
 * lower-casing alone misses (ß, final sigma). The database keeps this form in `name_fold`.
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}
