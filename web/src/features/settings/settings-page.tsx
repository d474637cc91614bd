import { useQuery } from '@tanstack/react-query'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import type { NotificationSettings } from '../../../../contracts/notifications'
import { notificationSettingsQuery, useSaveNotificationSettings } from './queries'

/** My notifications: e-mail of my own work at once, or none; and the language of the messages. */
export function SettingsPage() {
  const { t } = useI18n()
  const settings = useQuery(notificationSettingsQuery())
  const save = useSaveNotificationSettings()
  if (settings.isPending) return <Loading />
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
  const s = settings.data
  const set = (change: Partial<Pick<NotificationSettings, 'email' | 'lang'>>) => save.mutate({ email: s.email, lang: s.lang, ...change })

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('settings.title')}</h1>
          <p className="muted">{t('settings.intro')}</p>
        </div>
      </div>
      {!s.emailOn && (
        <p className="state state-warn small" role="note" data-testid="settings-email-off">
          {t('settings.serverOff')}
        </p>
      )}
      <div className="card">
        <fieldset className="field">
          <legend className="field-label">{t('settings.email')}</legend>
          {(['immediate', 'off'] as const).map((mode) => (
            <label key={mode} className="toggle">
              <input
                type="radio"
                name="email"
                data-testid={`settings-email-${mode}`}
                checked={s.email === mode}
                disabled={save.isPending}
                onChange={() => set({ email: mode })}
              />{' '}
              {t(`settings.email.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="settings-lang" className="field-label">
            {t('settings.lang')}
          </label>
          <select
            id="settings-lang"
            data-testid="settings-lang"
            value={s.lang}
            disabled={save.isPending}
            onChange={(e) => set({ lang: e.target.value === 'en' ? 'en' : 'ru' })}
          >
            <option value="ru">Русский</option>
            <option value="en">English</option>
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
