import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { DeliveryMode, NotificationSettings } from '../../../../contracts/notifications'
import { Lang } from '../../../../contracts/briefs'
import { ErrorState, Loading } from '../../components/states'
import { LANG_AUTONYMS, useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { notificationSettingsQuery, useSaveNotificationSettings } from './queries'

const MODES: readonly DeliveryMode[] = ['immediate', 'digest', 'off']
const HOURS = Array.from({ length: 24 }, (_, h) => h)

/** How one channel brings my work: at once, in the daily digest, or not at all. */
function ModeChoice(props: {
  channel: 'email' | 'telegram'
  value: DeliveryMode
  disabled: boolean
  onChange: (mode: DeliveryMode) => void
}) {
  const { t } = useI18n()
  return (
    <fieldset className="field">
      <legend className="field-label">{t(`settings.${props.channel}`)}</legend>
      {MODES.map((mode) => (
        <label key={mode} className="toggle">
          <input
            type="radio"
            name={props.channel}
            data-testid={`settings-${props.channel}-${mode}`}
            checked={props.value === mode}
            disabled={props.disabled}
            onChange={() => props.onChange(mode)}
          />{' '}
          {t(`settings.mode.${mode}`)}
        </label>
      ))}
    </fieldset>
  )
}

/** My Telegram chat: typed, then saved (the server checks its form; Telegram needs one before it can be on). */
function TelegramChat({ saved, disabled, onSave }: { saved: string | null; disabled: boolean; onSave: (chat: string) => void }) {
  const { t } = useI18n()
  const [chat, setChat] = useState(saved ?? '')
  return (
    <form
      className="field"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(chat.trim())
      }}
    >
      <label htmlFor="settings-telegram-chat" className="field-label">
        {t('settings.telegramChat')}
      </label>
      <p className="muted small">{t('settings.telegramChatHint')}</p>
      <div className="settings-chat">
        <input
          id="settings-telegram-chat"
          data-testid="settings-telegram-chat"
          value={chat}
          placeholder="123456789"
          onChange={(e) => setChat(e.target.value)}
        />
        <button type="submit" className="button" disabled={disabled || chat.trim() === '' || chat.trim() === saved}>
          {t('settings.telegramChatSave')}
        </button>
      </div>
    </form>
  )
}

/** My notifications: e-mail and Telegram, each at once, in a daily digest or none; the digest's hour; the language. */
export function SettingsPage() {
  const { t } = useI18n()
  const settings = useQuery(notificationSettingsQuery())
  const save = useSaveNotificationSettings()
  if (settings.isPending) return <Loading />
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
  const s: NotificationSettings = settings.data
  const busy = save.isPending
  const usesDigest = s.email === 'digest' || s.telegram === 'digest'

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('settings.title')}</h1>
          <p className="muted">{t('settings.intro')}</p>
        </div>
      </div>
      {!s.emailOn && (
        <p className="state state-warn small" role="note" data-testid="settings-no-email">
          {t('settings.serverOff')}
        </p>
      )}
      <div className="card">
        <ModeChoice channel="email" value={s.email} disabled={busy} onChange={(email) => save.mutate({ email })} />
        {s.telegramOn ? (
          <>
            {/* keyed by the saved chat: a save (or another tab's) resets what was typed */}
            <TelegramChat
              key={s.telegramChatId ?? ''}
              saved={s.telegramChatId}
              disabled={busy}
              onSave={(c) => save.mutate({ telegramChatId: c })}
            />
            <ModeChoice
              channel="telegram"
              value={s.telegram}
              disabled={busy || !s.telegramChatId}
              onChange={(telegram) => save.mutate({ telegram })}
            />
          </>
        ) : (
          <p className="muted small" data-testid="settings-no-telegram">
            {t('settings.telegramOff')}
          </p>
        )}
        <div className="field">
          <label htmlFor="settings-digest-hour" className="field-label">
            {t('settings.digestHour')}
          </label>
          <select
            id="settings-digest-hour"
            data-testid="settings-digest-hour"
            value={s.digestHour}
            disabled={busy || !usesDigest}
            onChange={(e) => save.mutate({ digestHour: Number(e.target.value) })}
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
            ))}
          </select>{' '}
          <span className="muted small">{t('settings.digestZone', { zone: s.timeZone })}</span>
        </div>
        <div className="field">
          <label htmlFor="settings-lang" className="field-label">
            {t('settings.lang')}
          </label>
          <select
            id="settings-lang"
            data-testid="settings-lang"
            value={s.lang}
            disabled={busy}
            onChange={(e) => save.mutate({ lang: e.target.value === 'en' ? 'en' : 'ru' })}
          >
            {Lang.options.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_AUTONYMS[l]}
              </option>
            ))}
          </select>
        </div>
        {save.isSuccess && (
          <p className="muted small" role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </p>
        )}
        {save.isError && (
          <p className="form-error" role="alert">
            {errorText(save.error, t)}
          </p>
        )}
      </div>
    </section>
  )
}
