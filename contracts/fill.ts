/**
 * A sentence with `{name}` placeholders filled from `vars`; a placeholder without a value stays as
 * it is written. One rule for the server's refusals and messages and the web's translations.
 */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}
