import type { RendererChannel } from '../../../shared/api';

/** What a read depends on and what a write changes: the units the renderer invalidates by. */
export type Topic =
  'accounts' | 'applications' | 'oauth' | 'history' | 'settings' | 'status' | 'checks';

/**
 * The channels whose answers the renderer keeps, and what makes an answer stale. An account's
 * summary counts its applications and an application's names its account, so both hang on both.
 */
export const readTopics = {
  'system:status': ['status', 'settings'],
  'accounts:list': ['accounts', 'applications'],
  'accounts:get': ['accounts', 'applications'],
  'apps:index': ['accounts', 'applications'],
  'apps:get': ['accounts', 'applications'],
  'oauth:consumers:list': ['oauth', 'accounts'],
  'oauth:tokens:list': ['oauth', 'accounts'],
  'history:list': ['history'],
  'settings:get': ['settings'],
  'vonage:proxy': ['settings'],
  'vonage:lastChecks': ['checks', 'accounts', 'applications'],
} as const satisfies Partial<Record<RendererChannel, readonly Topic[]>>;

export type ReadChannel = keyof typeof readTopics;

const everything: readonly Topic[] = [
  'accounts',
  'applications',
  'oauth',
  'history',
  'status',
  'checks',
];

/**
 * What a successful call of any other channel changes. Every one of them writes a history event
 * (a copy, a reveal, a signature), so a channel not listed here changes the history alone.
 */
const writeTopics: Partial<Record<RendererChannel, readonly Topic[]>> = {
  'accounts:create': everything,
  'accounts:update': everything,
  'accounts:remove': everything,
  'apps:create': everything,
  'apps:update': everything,
  'apps:replaceKey': everything,
  'apps:remove': everything,
  'import:apply': everything,
  'oauth:consumers:create': ['oauth', 'history'],
  'oauth:consumers:remove': ['oauth', 'history'],
  'oauth:tokens:forget': ['oauth', 'history'],
  'oauth:login': ['oauth', 'history'],
  'oauth:loginFinish': ['oauth', 'history'],
  'settings:update': ['settings', 'history', 'status'],
  // A check also keeps the dashboard's name and capabilities of each application.
  'vonage:check': ['history', 'checks', 'applications'],
  'vonage:rotateKey': everything,
  'vonage:addApplication': everything,
  // The dashboard's names and capabilities kept beside stored applications.
  'vonage:sync': ['applications', 'history'],
};

export function topicsChangedBy(channel: RendererChannel): readonly Topic[] {
  if (Object.hasOwn(readTopics, channel)) return [];
  return writeTopics[channel] ?? ['history'];
}
