import type { ChannelOutput } from '../../../shared/contract';

type Keychain = ChannelOutput<'system:status'>['keychain'];

const guidance: Record<Exclude<Keychain['state'], 'ok'>, string> = {
  unavailable:
    'Keydesk cannot reach the OS keychain, so secrets and keys cannot be read or stored. On Linux, install and start GNOME Keyring or KWallet (a desktop session usually has one), then restart Keydesk.',
  locked:
    'The OS keychain is locked. Unlock your login keyring (your desktop shows a prompt, or run "gnome-keyring-daemon --unlock"), then try again.',
  timeout:
    'The OS keychain did not answer in time; it may be waiting for you to unlock it. Look for an unlock prompt, then try again.',
  failed: 'The OS keychain reported an error. Secrets cannot be read or stored until it works.',
};

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
