import type { KeydeskErrorShape } from '../shared/errors';

/** An error the CLI prints as it is (no stack) before exiting non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly shape?: KeydeskErrorShape,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Contract field names as the CLI user knows them. */
const optionNames: Record<string, string> = {
  name: '--name',
  apiKey: '--api-key',
  apiSecret: 'the API secret (stdin)',
  accountId: '--account',
  account: '--account',
  id: '--id',
  app: 'APP',
  'key.pem': 'the private key',
  'key.passphrase': 'the passphrase',
  accountName: '--account',
  fileName: 'FILE',
  content: 'FILE',
  applicationId: 'APP',
  ttlSeconds: '--ttl',
  nbfOffsetSeconds: '--nbf',
  nbfAt: '--nbf',
  sub: '--sub',
  acl: '--acl',
  claims: '--claim',
  token: 'TOKEN',
  action: '--action',
  since: '--since',
  limit: '--limit',
  consumerKey: '--key',
  consumerSecret: 'the consumer secret (stdin)',
  baseUrl: '--base-url',
  method: 'METHOD',
  url: 'URL',
  params: 'PARAM',
  pin: 'the PIN',
  signatureSecret: 'the signature secret (stdin)',
  signatureMethod: '--signature-method',
  request: '--request-file',
  body: '--body-file',
  file: 'FILE',
};

export function fromShape(shape: KeydeskErrorShape): CliError {
  // A nested field (`claims.role`, `acl.acl.paths./v1`) is reported against its option.
  const where = shape.field
    ? (optionNames[shape.field] ?? optionNames[shape.field.split('.')[0] ?? ''])
    : undefined;
  return new CliError(where ? `${where}: ${shape.message}` : shape.message, 1, shape);
}
