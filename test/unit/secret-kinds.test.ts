import { describe, expect, it } from 'vitest';
import { secretRefs } from '../../src/core/keychain/keychain';
import { parseSecretRef, revealableSecrets, secretKindNames } from '../../src/shared/secret-kinds';
import { doctorReportSchema } from '../../src/shared/doctor-schemas';
import { schemasOf } from '../../src/shared/contract';

describe('the registry of secret kinds', () => {
  it('gives each kind a reference of its own that reads back as that kind and owner', () => {
    const refs = secretKindNames.map((kind) => secretRefs[kind]('owner-1'));
    expect(new Set(refs).size).toBe(secretKindNames.length);
    for (const kind of secretKindNames) {
      expect(parseSecretRef(secretRefs[kind]('owner-1'))).toEqual({ kind, ownerId: 'owner-1' });
    }
    expect(secretRefs.apiSecret('a1')).toBe('account/a1/apiSecret');
    expect(secretRefs.accessToken('t1')).toBe('oauthToken/t1/credentials');
    expect(parseSecretRef('account/a1/unknown')).toBeUndefined();
    expect(parseSecretRef('vault/x/account/a1/apiSecret')).toBeUndefined();
  });

  it('is what the contract and the doctor accept', async () => {
    expect(revealableSecrets).toEqual(['apiSecret', 'signatureSecret']);
    const reveal = (await schemasOf('accounts:revealSecret')).input;
    expect(reveal.safeParse({ id: 'a', which: 'apiSecret' }).success).toBe(true);
    expect(reveal.safeParse({ id: 'a', which: 'privateKey' }).success).toBe(false);
    const missing = doctorReportSchema.shape.missingSecrets.element.shape.secret;
    for (const kind of secretKindNames) expect(missing.safeParse(kind).success, kind).toBe(true);
  });
});
