/**
 * Every kind of secret Keydesk keeps in the OS keychain, in one place. The keychain references,
 * the doctor (what must be there, what an orphan is, how to say it), the labels in messages and
 * what the page may reveal are derived from here; adding a kind means an entry here, the schema of
 * the field that carries it, a migration if its owner's row records it, and the screens that show it.
 * Zod-free: the renderer may use the labels.
 */
export type SecretOwner =
  'account' | 'application' | 'oauth-consumer' | 'oauth-token' | 'team-member';

interface SecretKind {
  owner: SecretOwner;
  /** In words, lower case: "the API secret of account X". */
  label: string;
  /** The keychain reference segment: `<ownerSegment>/<id>/<name>`. */
  ownerSegment: string;
  name: string;
  /** Always there for its owner, or only when the owner's row says so (`has_signature_secret`). */
  presence: 'required' | 'optional';
  /** May the app's page ask for it in clear (accounts:revealSecret)? */
  revealable: boolean;
}

export const secretKinds = {
  apiSecret: {
    owner: 'account',
    label: 'API secret',
    ownerSegment: 'account',
    name: 'apiSecret',
    presence: 'required',
    revealable: true,
  },
  signatureSecret: {
    owner: 'account',
    label: 'signature secret',
    ownerSegment: 'account',
    name: 'signatureSecret',
    presence: 'optional',
    revealable: true,
  },
  /** A new API secret while Vonage is told of it (a secret rotation), beside the one in use. */
  pendingApiSecret: {
    owner: 'account',
    label: 'new API secret',
    ownerSegment: 'account',
    name: 'pendingApiSecret',
    presence: 'optional',
    revealable: false,
  },
  privateKey: {
    owner: 'application',
    label: 'private key',
    ownerSegment: 'application',
    name: 'privateKey',
    presence: 'required',
    revealable: false,
  },
  /** A new private key while its public half is on its way to Vonage (a key rotation). */
  pendingPrivateKey: {
    owner: 'application',
    label: 'pending private key',
    ownerSegment: 'application',
    name: 'pendingPrivateKey',
    presence: 'optional',
    revealable: false,
  },
  consumerSecret: {
    owner: 'oauth-consumer',
    label: 'consumer secret',
    ownerSegment: 'oauthConsumer',
    name: 'secret',
    presence: 'required',
    revealable: false,
  },
  accessToken: {
    owner: 'oauth-token',
    label: 'access token',
    ownerSegment: 'oauthToken',
    name: 'credentials',
    presence: 'required',
    revealable: false,
  },
  /** This engineer's age identity for team folders (issue 32); its owner id is always `me`. */
  teamIdentity: {
    owner: 'team-member',
    label: 'team identity',
    ownerSegment: 'team',
    name: 'identity',
    presence: 'required',
    revealable: false,
  },
} as const satisfies Record<string, SecretKind>;

export type SecretKindName = keyof typeof secretKinds;
export const secretKindNames = Object.keys(secretKinds) as [SecretKindName, ...SecretKindName[]];
export const secretOwners = [
  'account',
  'application',
  'oauth-consumer',
  'oauth-token',
  'team-member',
] as const;

/** The account secrets the page may reveal. */
export type RevealableSecret = {
  [K in SecretKindName]: (typeof secretKinds)[K]['revealable'] extends true ? K : never;
}[SecretKindName];
export const revealableSecrets = secretKindNames.filter((kind) => secretKinds[kind].revealable) as [
  RevealableSecret,
  ...RevealableSecret[],
];

export function secretRef(kind: SecretKindName, ownerId: string): string {
  const { ownerSegment, name } = secretKinds[kind];
  return `${ownerSegment}/${ownerId}/${name}`;
}

/** The kind and owner a reference names, or undefined for one Keydesk does not make. */
export function parseSecretRef(ref: string): { kind: SecretKindName; ownerId: string } | undefined {
  const [segment, ownerId, name, ...rest] = ref.split('/');
  if (!ownerId || rest.length > 0) return undefined;
  const kind = secretKindNames.find(
    (k) => secretKinds[k].ownerSegment === segment && secretKinds[k].name === name,
  );
  return kind ? { kind, ownerId } : undefined;
}
