import type { TokenFormat } from '../../shared/presets';

export type { TokenFormat };

/** An example Vonage API call for the curl line (the Voice API takes application JWTs). */
export const exampleApiUrl = 'https://api.nexmo.com/v1/calls';

/** The token the way it will be pasted: bare, as a header, in a curl line, or a shell export. */
export function formatToken(token: string, format: TokenFormat): string {
  switch (format) {
    case 'raw':
      return token;
    case 'bearer':
      return `Authorization: Bearer ${token}`;
    case 'curl':
      return `curl -H "Authorization: Bearer ${token}" ${exampleApiUrl}`;
    case 'export':
      return `export VONAGE_JWT='${token}'`;
  }
}

export const tokenFormatLabels: Record<TokenFormat, string> = {
  raw: 'the token',
  bearer: 'an Authorization: Bearer header',
  curl: 'a curl line',
  export: 'a shell export',
};

/** HTTP Basic authentication for the APIs that take the API key and secret. */
export function basicAuthHeader(apiKey: string, apiSecret: string): string {
  return `Authorization: Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
}
