import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../../core/clipboard/clipboard-port';

/** Raw OS formats that ask clipboard history and managers to skip an entry. */
const concealedHints: Record<string, string> = {
  // macOS (nspasteboard.org convention, honoured by most clipboard managers)
  'org.nspasteboard.ConcealedType': '',
  // Windows: no clipboard history, no cloud clipboard, no monitoring apps
  ExcludeClipboardContentFromMonitorProcessing: '',
  CanIncludeInClipboardHistory: '\0\0\0\0',
  CanUploadToCloudClipboard: '\0\0\0\0',
  // KDE Klipper and compatible managers
  'x-kde-passwordManagerHint': 'secret',
};

const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/**
 * Electron's clipboard behind the core's port. A concealed copy writes the text and the hints in
 * one atomic `clipboard.write`; if the platform refuses a hint format, the plain text is written
 * and the timed clear remains the protection.
 */
export const electronClipboard: ClipboardPort = {
  async writeText(text, concealed) {
    if (!concealed) return clipboard.writeText(text);
    const entries: Record<string, string> = { 'text/plain': text };
    for (const [name, value] of Object.entries(concealedHints)) entries[osFormat(name)] = value;
    try {
      await clipboard.write([new ClipboardItem(entries)]);
    } catch {
      await clipboard.writeText(text);
    }
  },
  readText: () => clipboard.readText(),
  clear: () => clipboard.clear(),
};
