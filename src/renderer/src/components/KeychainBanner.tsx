import type { ChannelOutput } from '../../../shared/contract';
import { keychainGuidance } from '../../../shared/keychain-guidance';

type Keychain = ChannelOutput<'system:status'>['keychain'];

const guidance: Record<Exclude<Keychain['state'], 'ok'>, string> = keychainGuidance;

/** Says plainly when the keychain is not usable and what to do; metadata stays browsable. */
export function KeychainBanner({ keychain }: { keychain: Keychain }) {
  if (keychain.state === 'ok') return null;
  return (
    <div className="banner banner--warning" role="alert" data-testid="keychain-banner">
      <strong>Keychain {keychain.state}.</strong> {guidance[keychain.state]}
      {keychain.message ? <span className="banner__detail"> ({keychain.message})</span> : null}
    </div>
  );
}
