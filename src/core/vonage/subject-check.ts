import type { SubjectCheck } from '../../shared/user-schemas';
import type { ApplicationSummary } from '../../shared/vault-schemas';
import { parseToken } from '../jwt/parse-token';
import { closestUsers, findUser } from './users-api';
import type { VonageClient } from './vonage-client';

/**
 * Whether a token's `sub` names a user of its application on Vonage: the first reason a Client
 * SDK login fails is a `sub` that names nobody. Asked only when the application is stored (its key
 * is what Vonage's Users API wants).
 */
export async function checkTokenSubject(
  token: string,
  findApplication: (id: string) => ApplicationSummary | undefined,
  client: VonageClient,
): Promise<SubjectCheck> {
  const { claims } = parseToken(token);
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const appId = typeof claims.application_id === 'string' ? claims.application_id : undefined;
  if (sub === undefined) {
    return {
      state: 'cannot-check',
      message:
        'The token has no sub: it names no Client SDK user (a token for server-side APIs needs none).',
    };
  }
  const application = appId ? findApplication(appId.toLowerCase()) : undefined;
  if (!application) {
    return {
      state: 'cannot-check',
      message: appId
        ? `Cannot ask Vonage about sub "${sub}": application ${appId} is not stored in Keydesk (its key is what the Users API wants).`
        : `Cannot ask Vonage about sub "${sub}": the token has no application_id.`,
    };
  }
  const about = { sub, applicationId: application.id, applicationName: application.name };
  const user = await findUser(client, application, sub);
  if (user) {
    const where = user.region ?? user.host;
    return {
      state: 'user',
      ...about,
      user,
      message: `sub "${sub}" is a user of "${application.name}" on Vonage (${user.id}${where ? `, ${where}` : ''}).`,
    };
  }
  const closest = await closestUsers(client, application, sub);
  return {
    state: 'no-user',
    ...about,
    closest,
    message: `sub "${sub}" names no user of "${application.name}" on Vonage: a Client SDK login with this token fails.${closest.length ? ` Did you mean ${closest.map((n) => `"${n}"`).join(', ')}?` : ''} Add the user to the application, or mint the token for one that exists.`,
  };
}
