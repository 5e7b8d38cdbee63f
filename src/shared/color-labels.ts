/** Colour labels for accounts (zod-free, so the renderer's first chunk stays small). */
export const colorLabels = [
  'slate',
  'red',
  'orange',
  'amber',
  'green',
  'teal',
  'blue',
  'violet',
  'pink',
] as const;
export type ColorLabel = (typeof colorLabels)[number];
