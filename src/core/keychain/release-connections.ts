/**
 * On Linux @napi-rs/keyring opens a D-Bus connection (a socket) for each entry and closes it only
 * when V8 collects the entry. A process that allocates little collects rarely: 1,000 keychain
 * operations in a row left 1,000 sockets open (measured), and once a descriptor passes 1024 the
 * library's select() spins at 100% CPU and never returns (found by `npm run bench -- check`,
 * which seeds 800 secrets). So every so many entries a collection is asked for: it closes the
 * connections of the entries already finished (a full collection here took a few ms).
 */
const collectEvery = 128;
let made = 0;
let collect: (() => void) | undefined;

export function noteNativeEntry(): void {
  if (process.platform !== 'linux') return;
  made += 1;
  if (made % collectEvery !== 0) return;
  if (!collect) {
    // Loaded here, not at the top: most CLI commands never get this far.
    process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
    collect = process.getBuiltinModule('node:vm').runInNewContext('gc') as () => void;
  }
  collect();
}
