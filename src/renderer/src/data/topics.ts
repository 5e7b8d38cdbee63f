import { channelSpecs, topics, type ChannelSpecs, type Topic } from '../../../shared/channels';
import type { RendererChannel } from '../../../shared/api';

export { topics, type Topic };

/**
 * The renderer's caching, read off the channel table (shared/channels.ts): a read channel's answer
 * is kept until one of the topics it reads changes; a write channel's success changes the topics
 * it names. Every window channel says one or the other, so a forgotten one is a type error there.
 */
export type ReadChannel = {
  [C in RendererChannel]: ChannelSpecs[C] extends { reads: readonly Topic[] } ? C : never;
}[RendererChannel];

const specOf = (channel: RendererChannel) =>
  channelSpecs[channel] as { reads?: readonly Topic[]; writes?: readonly Topic[] };

/** What a read channel's answer depends on. */
export const readTopics = (channel: ReadChannel): readonly Topic[] => specOf(channel).reads ?? [];

/** What a successful call of a channel changes (a read changes nothing). */
export function topicsChangedBy(channel: RendererChannel): readonly Topic[] {
  return specOf(channel).writes ?? [];
}
