import type { Translate } from '../i18n'
import { isChannelSuggestion } from './brief-fields'

/** Known channels are translated; a channel the writer typed is shown as typed. */
export const channelLabel = (channel: string, t: Translate) =>
  isChannelSuggestion(channel) ? t(`channel.${channel}`) : channel
