import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { keychainGuidance } from '../../../shared/keychain-guidance';
import { MoveToFileForm } from './MoveToFileForm';

type Keychain = ChannelOutput<'system:status'>['keychain'];

const guidance: Record<Exclude<Keychain['state'], 'ok'>, string> = keychainGuidance;

/**
 * Says plainly when the keychain is not usable and what to do; metadata stays browsable. When it
 * is the OS keychain, offers the vault file instead.
 */
export function KeychainBanner({ keychain }: { keychain: Keychain }) {
  const [moving, setMoving] = useState(false);
  if (keychain.state === 'ok') return null;
  return (
    <div className="banner banner--warning" role="alert" data-testid="keychain-banner">
      <strong>Keychain {keychain.state}.</strong> {guidance[keychain.state]}
      {keychain.message ? <span className="banner__detail"> ({keychain.message})</span> : null}
      {keychain.backend === 'os' && !moving ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => setMoving(true)}>
            Keep secrets in an encrypted file instead
          </button>
        </div>
      ) : null}
      {keychain.backend === 'os' && moving ? (
        <MoveToFileForm onCancel={() => setMoving(false)} />
      ) : null}
    </div>
  );
}
