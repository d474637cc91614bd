import { useI18n } from '../../i18n'

/** A view as a CSV file: the server answers it as an attachment, for the same filters the screen shows. */
export function CsvLink({ href, testId, label }: { href: string; testId: string; label?: string }) {
  const { t } = useI18n()
  return (
    <a className="button button-small csv-link" href={href} download data-testid={testId}>
      {label ?? t('dash.csv')}
    </a>
  )
}
