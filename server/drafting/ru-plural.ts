/** Russian numeral agreement: 1 причина, 2-4 причины, 5-20 причин, 21 причина … */
export function ruPlural(n: number, [one, few, many]: readonly [string, string, string]): string {
  const d = Math.abs(n) % 10
  const dd = Math.abs(n) % 100
  if (dd >= 11 && dd <= 14) return many
  if (d === 1) return one
  if (d >= 2 && d <= 4) return few
  return many
}
