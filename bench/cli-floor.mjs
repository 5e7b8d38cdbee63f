// The work `keydesk jwt APP` cannot avoid, and nothing else: start Node, open the SQLite vault,
// read the application's row, read its private key from the OS keychain, sign an RS256 token,
// append a history event. `npm run bench -- cli` times it beside the real command, so the goal
// can be read against what any implementation on this stack must pay.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const [applicationId] = process.argv.slice(2);
const db = new Database(join(process.env.KEYDESK_HOME, 'keydesk.db'));
db.pragma('journal_mode = WAL');
const app = db.prepare('SELECT id, name FROM applications WHERE id = ?').get(applicationId);
const vaultId = db.prepare('SELECT id FROM vault_identity').get().id;
const { AsyncEntry } = require('@napi-rs/keyring');
const pem = await new AsyncEntry(
  process.env.KEYDESK_KEYCHAIN_SERVICE,
  `vault/${vaultId}/application/${app.id}/privateKey`,
  { linux: { store: 'secret-service' } },
).getPassword();
const { createPrivateKey, sign, randomUUID } = await import('node:crypto');
const now = Math.floor(Date.now() / 1000);
const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const body = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ application_id: app.id, iat: now, exp: now + 900, jti: randomUUID() })}`;
const token = `${body}.${sign('sha256', Buffer.from(body), createPrivateKey(pem)).toString('base64url')}`;
db.prepare(
  `INSERT INTO history (at, action, outcome, application_id, application_name, summary) VALUES (?, 'mint', 'ok', ?, ?, ?)`,
).run(Date.now(), app.id, app.name, `Minted a JWT for "${app.name}" (floor bench)`);
db.close();
process.stdout.write(`${token}\n`);
