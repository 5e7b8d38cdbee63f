import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeydeskError } from '../../shared/errors';

/**
 * A team folder's members file: one member a line, `<age recipient> <name>`, sorted by name, so
 * that git merges two engineers adding members line by line and a diff says who came or went.
 * A recipient is an age X25519 public key (`age1…`), as `age-keygen -y` prints it.
 */
export interface TeamMember {
  name: string;
  recipient: string;
}

export const membersFileName = 'members';

/** age's X25519 recipients: Bech32, human-readable part "age", 32 bytes of key (58 characters). */
const recipientPattern = /^age1[02-9ac-hj-np-z]{58}$/;
const namePattern = /^[^\p{Cc}\s](?:[^\p{Cc}]{0,62}[^\p{Cc}\s])?$/u;

const problem = (file: string, line: number, what: string) =>
  new KeydeskError('VALIDATION', `${file}, line ${line}: ${what}`);

export function checkRecipient(recipient: string): string {
  if (!recipientPattern.test(recipient)) {
    throw new KeydeskError(
      'VALIDATION',
      `"${recipient.slice(0, 80)}" is not an age recipient: it starts with age1 and has 62 characters, as "keydesk team identity" (or age-keygen -y) prints it.`,
      'recipient',
    );
  }
  return recipient;
}

export function checkMemberName(name: string): string {
  if (!namePattern.test(name)) {
    throw new KeydeskError(
      'VALIDATION',
      'A member name has 1 to 64 characters, without control characters or spaces at either end.',
      'name',
    );
  }
  return name;
}

/** The members in `text` (the file at `file`); a line that is not a member is named. */
export function parseMembers(text: string, file: string): TeamMember[] {
  const members: TeamMember[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [recipient = '', ...rest] = line.split(/\s+/);
    const name = rest.join(' ');
    if (!recipientPattern.test(recipient))
      throw problem(file, index + 1, 'it does not start with an age recipient (age1…).');
    if (!namePattern.test(name)) throw problem(file, index + 1, 'the member has no usable name.');
    if (members.some((m) => m.name === name || m.recipient === recipient))
      throw problem(file, index + 1, `"${name}" or its recipient is there twice.`);
    members.push({ name, recipient });
  }
  return members;
}

/** The members file of `folder`; a folder without one is not a team folder, and says so. */
export function readMembers(folder: string): TeamMember[] {
  const file = join(folder, membersFileName);
  if (!existsSync(file))
    throw new KeydeskError(
      'NOT_FOUND',
      `${folder} has no members file: it is not a Keydesk team folder.`,
    );
  return parseMembers(readFileSync(file, 'utf8'), file);
}

export function serialiseMembers(members: readonly TeamMember[]): string {
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return `${sorted.map((m) => `${m.recipient} ${m.name}`).join('\n')}\n`;
}

/** `members` with one more; a name or recipient already there is refused. */
export function withMember(members: readonly TeamMember[], member: TeamMember): TeamMember[] {
  const name = checkMemberName(member.name);
  const recipient = checkRecipient(member.recipient);
  const clash = members.find((m) => m.name === name || m.recipient === recipient);
  if (clash) {
    throw new KeydeskError(
      'CONFLICT',
      clash.name === name
        ? `The team already has a member named "${name}".`
        : `That recipient is already the team's, as "${clash.name}".`,
      clash.name === name ? 'name' : 'recipient',
    );
  }
  return [...members, { name, recipient }];
}

/** `members` without `name`; naming no member is an error that lists them. */
export function withoutMember(members: readonly TeamMember[], name: string): TeamMember[] {
  if (!members.some((m) => m.name === name)) {
    throw new KeydeskError(
      'NOT_FOUND',
      `The team has no member named "${name}"; it has ${members.map((m) => `"${m.name}"`).join(', ') || 'none'}.`,
      'name',
    );
  }
  return members.filter((m) => m.name !== name);
}

/**
 * Two engineers changed the membership at once: who either added is in, who either removed is
 * out (a removal is never undone by the other side's unrelated add, as a line merge could).
 */
export function mergeMembers(
  base: readonly TeamMember[],
  ours: readonly TeamMember[],
  theirs: readonly TeamMember[],
): TeamMember[] {
  const has = (list: readonly TeamMember[], m: TeamMember) =>
    list.some((x) => x.name === m.name && x.recipient === m.recipient);
  const merged: TeamMember[] = [];
  for (const member of [...ours, ...theirs, ...base]) {
    if (has(merged, member) || merged.some((m) => m.name === member.name)) continue;
    const inBase = has(base, member);
    const keep = inBase ? has(ours, member) && has(theirs, member) : true;
    if (keep) merged.push(member);
  }
  return merged;
}
