import { KeydeskError } from '../../shared/errors';
import { curlLine } from '../oauth/curl-line';
import type { Services } from '../services';
import { eventSubjects } from '../history/event-subjects';
import type { HandlersFor } from './handler-types';

/** OAuth 1.0a: consumers, logins (audited), tokens, signing and a test request (audited). */
export function oauthHandlers(services: Services): HandlersFor<'oauth'> {
  const { oauth, audit } = services;
  const subjects = eventSubjects(services);
  const consumerSubject = (id: string) => {
    const consumer = oauth.findConsumer(id);
    return consumer ? subjects.account(consumer.accountId) : {};
  };
  type SignInput = Parameters<typeof oauth.sign>[0];
  const describe = (input: SignInput, result: Awaited<ReturnType<typeof oauth.sign>>) => ({
    authorization: result.authorization,
    baseString: result.baseString,
    curl: curlLine(input.method, input.url, result.authorization, input.params),
    tokenId: result.tokenId,
    signatureMethod: result.signatureMethod,
  });
  const where = (input: SignInput) => {
    const url = new URL(input.url);
    return `${input.method} ${url.host}${url.pathname}`;
  };

  return {
    'oauth:consumers:list': ({ accountId }) => oauth.consumers(accountId),
    'oauth:consumers:create': (input) =>
      audit.track(
        {
          action: 'create',
          summary: `Added OAuth consumer ${input.consumerKey}`,
          ...subjects.account(input.accountId),
        },
        () => oauth.addConsumer(input),
      ),
    'oauth:consumers:remove': ({ id }) =>
      audit.track(
        {
          action: 'remove',
          summary: 'Removed an OAuth consumer and its tokens',
          ...consumerSubject(id),
        },
        () => oauth.removeConsumer(id),
      ),
    'oauth:tokens:list': ({ accountId }) => oauth.tokens(accountId),
    'oauth:tokens:forget': ({ id }) =>
      audit.track(
        { action: 'remove', summary: 'Forgot an OAuth access token' },
        () => oauth.forgetToken(id),
        (token) => ({
          summary: `Forgot OAuth access token "${token.label}"`,
          accountId: token.accountId,
          accountName: token.accountName,
        }),
      ),
    'oauth:login': ({ consumerId, label }) => {
      const { authorizer } = services;
      if (!authorizer) {
        throw new KeydeskError(
          'VALIDATION',
          'This Keydesk cannot open an authorize window; use the PIN (oob) login or "keydesk oauth login".',
        );
      }
      return audit.track(
        { action: 'oauth-login', summary: 'Logged in with OAuth', ...consumerSubject(consumerId) },
        () => oauth.login(consumerId, authorizer, label),
        (token) => ({ summary: `Logged in with OAuth: access token "${token.label}"` }),
      );
    },
    'oauth:loginStart': ({ consumerId }) => oauth.startLogin(consumerId),
    'oauth:loginFinish': ({ pendingId, pin, label }) =>
      audit.track(
        { action: 'oauth-login', summary: 'Logged in with OAuth (PIN)' },
        () => oauth.finishLogin(pendingId, pin, label),
        (token) => ({
          summary: `Logged in with OAuth (PIN): access token "${token.label}"`,
          accountId: token.accountId,
          accountName: token.accountName,
        }),
      ),
    'oauth:sign': (input) =>
      audit.track(
        {
          action: 'oauth-sign',
          summary: `Signed ${where(input)}`,
          ...subjects.account(input.accountId),
        },
        async () => describe(input, await oauth.sign(input)),
      ),
    'oauth:send': (input) =>
      audit.track(
        {
          action: 'oauth-sign',
          summary: `Sent a signed ${where(input)}`,
          ...subjects.account(input.accountId),
        },
        async () => {
          const { signed, response } = await oauth.send(input);
          return { signed: describe(input, signed), ...response };
        },
        (result) => ({
          summary: `Sent a signed ${where(input)}: HTTP ${result.status}`,
        }),
      ),
  };
}
