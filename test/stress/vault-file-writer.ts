/**
 * A writer for the vault file crash test: opens the file as the CLI does and stores one entry
 * after another, printing each number once its write is on disk (renamed into place). The test
 * kills it with SIGKILL at a random moment and checks what the file holds.
 */
import { createFileKeychain } from '../../src/core/keychain/file-keychain';

const [path = '', start = '0'] = process.argv.slice(2);
const passphrase = process.env.KEYDESK_PASSPHRASE ?? '';
const keychain = createFileKeychain({ path, passphrase: async () => passphrase });
// A few KiB per entry, so that a write takes long enough to be cut short now and then.
const filler = 'x'.repeat(4096);
for (let i = Number(start); ; i += 1) {
  await keychain.set(`entry/${i}`, `${i} ${filler}`);
  process.stdout.write(`${i}\n`);
}
