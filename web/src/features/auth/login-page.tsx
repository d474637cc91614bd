import { useState, type FormEvent } from 'react'
import { LoginRequest } from '../../../../contracts/auth'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { isApiError } from '../../lib/fetch-json'
import { LangSwitch } from '../layout/lang-switch'
import { useLogin } from './queries'

const DEMO_PASSWORD = 'demo'
const DEMO_ACCOUNTS = [
  { email: 'writer@copydesk.local', role: 'writer' },
  { email: 'factcheck@copydesk.local', role: 'factcheck' },
  { email: 'legal@copydesk.local', role: 'legal' },
  { email: 'editor@copydesk.local', role: 'editor' },
  { email: 'cmo@copydesk.local', role: 'cmo' },
  { email: 'admin@copydesk.local', role: 'admin' },
] as const

export function LoginPage() {
  const { t } = useI18n()
  const login = useLogin()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [invalid, setInvalid] = useState(false)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = LoginRequest.safeParse({ email: email.trim(), password })
    setInvalid(!parsed.success)
    if (parsed.success) login.mutate(parsed.data)
  }

  let error: string | null = null
  if (invalid) error = t('login.invalid')
  else if (login.error) error = isApiError(login.error) && login.error.status === 401 ? t('login.wrong') : errorText(login.error, t)

  return (
    <div className="login-layout">
      <div className="login-top">
        <LangSwitch />
      </div>
      <main className="login-card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <form onSubmit={submit} noValidate className="stack">
          <label className="field">
            <span className="field-label">{t('login.email')}</span>
            <input
              type="email"
              autoComplete="username"
              data-testid="login-email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the sign-in page has one task; the e-mail field is where every visitor starts
              autoFocus
            />
          </label>
          <label className="field">
            <span className="field-label">{t('login.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              data-testid="login-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary" data-testid="login-submit" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <aside className="hint-box">
          <h2>{t('login.demoTitle')}</h2>
          <p>{t('login.demoHint', { password: DEMO_PASSWORD })}</p>
          <ul className="demo-accounts">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setEmail(a.email)
                    setPassword(DEMO_PASSWORD)
                    setInvalid(false)
                    login.reset()
                  }}
                >
                  {a.email}
                </button>{' '}
                <span className="muted">({t(`role.${a.role}`)})</span>
              </li>
            ))}
          </ul>
        </aside>
      </main>
    </div>
  )
}
