/**
 * The system clipboard as the core sees it. Electron's clipboard implements it in the app
 * (src/main/electron/electron-clipboard.ts); the tests and the CLI use the in-memory one.
 */
export interface ClipboardPort {
  /** `concealed`: ask clipboard managers and history not to keep it (where the OS has a hint). */
  writeText(text: string, concealed: boolean): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

export function createMemoryClipboard(): ClipboardPort & { history: string[] } {
  let current = '';
  const history: string[] = [];
  return {
    history,
    writeText(text) {
      current = text;
      history.push(text);
      return Promise.resolve();
    },
    readText: () => Promise.resolve(current),
    clear() {
      current = '';
    },
  };
}
