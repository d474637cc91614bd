import type { Translate } from '../i18n'
import { isKnownChannel } from './brief-fields'

/** Known channels are translated; any other channel id is shown as it is. */
export const channelLabel = (channel: string, t: Translate) => (isKnownChannel(channel) ? t(`channel.${channel}`) : channel)
