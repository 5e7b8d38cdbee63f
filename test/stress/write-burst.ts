/**
 * A writer for the crash test: opens the vault database the way Keydesk does and commits, in a
 * loop, one history event plus one account edit per transaction, printing each committed id. The
 * test kills it with SIGKILL at a random moment and checks what survived.
 */
import { openDatabase } from '../../src/core/db/open-database';
import { createHistoryRepo } from '../../src/core/history/history-repo';

const [dataDir = '', accountId = '', label = 'writer'] = process.argv.slice(2);
const { db } = openDatabase(dataDir);
const history = createHistoryRepo(db);
const touch = db.prepare('UPDATE accounts SET notes = ?, updated_at = ? WHERE id = ?');
const commit = db.transaction((i: number) => {
  const id = history.append({
    at: Date.now(),
    action: 'update',
    outcome: 'ok',
    accountId,
    summary: `${label} edit ${i}`,
  });
  touch.run(`${label} ${i}`, new Date().toISOString(), accountId);
  return id;
});
const limit = Number(process.env.BURST_LIMIT ?? Infinity);
for (let i = 0; i < limit; i += 1) {
  const id = commit(i);
  process.stdout.write(`${id}\n`);
}
db.close();
