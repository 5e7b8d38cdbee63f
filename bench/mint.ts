import { sign } from 'node:crypto';
import { heading, report, timeRuns } from './stats';
import { addBenchApplication, must, type BenchServices } from './bench-services';
import { signRs256 } from '../src/core/jwt/sign-rs256';

const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

/** Throughput of minting with the cached key beside raw crypto.sign, then a mint through the handler. */
export async function benchMint(bench: BenchServices): Promise<void> {
  const { invoke, services } = bench;
  await addBenchApplication(bench, appId);
  const app = services.vault.applications.get(appId);
  const key = await services.signingKeys.keyFor(app);

  heading('Minting (RSA-2048, RS256)');
  // A representative signing input: what a default mint signs.
  const sample = signRs256(
    { application_id: appId, iat: 1, exp: 901, jti: crypto.randomUUID() },
    key,
  );
  const signingInput = Buffer.from(sample.split('.').slice(0, 2).join('.'));
  const n = 1500;
  const rounds: { raw: number; mint: number }[] = [];
  for (let round = 0; round < 3; round += 1) {
    let start = performance.now();
    for (let i = 0; i < n; i += 1) sign('RSA-SHA256', signingInput, key);
    const raw = n / ((performance.now() - start) / 1000);
    start = performance.now();
    for (let i = 0; i < n; i += 1) await services.mint({ applicationId: appId });
    const mint = n / ((performance.now() - start) / 1000);
    rounds.push({ raw, mint });
  }
  // The median round: the machines are shared, one round can be disturbed.
  const ratios = rounds.map((r) => r.mint / r.raw).sort((a, b) => a - b);
  const median = rounds.find((r) => r.mint / r.raw === ratios[1]) ?? rounds[0];
  console.log(
    `  raw crypto.sign('RSA-SHA256'), same key           ${median?.raw.toFixed(0).padStart(6)} signs/s`,
  );
  console.log(
    `  Keydesk mint with the cached key (claims, jti, sign)${median?.mint.toFixed(0).padStart(6)} tokens/s`,
  );
  console.log(
    `  ratio mint / raw (median of 3 rounds of ${n})         ${ratios[1]?.toFixed(2)}   (goal >= 0.8; rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );

  const timing = await timeRuns(1000, () =>
    must(invoke('jwt:mint', { applicationId: appId, sub: 'alice' })),
  );
  report('jwt:mint via the handler, incl. validation + history write', timing);
}
