import { shellQuote as quote } from '../shell-quote';

/** A shell-safe curl line for a signed request (single quotes, with embedded quotes escaped). */
export function curlLine(
  method: string,
  url: string,
  authorization: string,
  params: readonly (readonly [string, string])[] = [],
): string {
  const isGet = method === 'GET' || method === 'DELETE' || method === 'HEAD';
  const target = new URL(url);
  if (isGet) for (const [name, value] of params) target.searchParams.append(name, value);
  const parts = [
    'curl',
    ...(method === 'GET' ? [] : ['-X', method]),
    '-H',
    quote(`Authorization: ${authorization}`),
  ];
  if (!isGet)
    for (const [name, value] of params) parts.push('--data-urlencode', quote(`${name}=${value}`));
  parts.push(quote(target.toString()));
  return parts.join(' ');
}
