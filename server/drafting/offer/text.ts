/** About 20 spoken words: what a customer can retell in ten seconds. */
export const ONE_LINER_MAX = 160

export const words = (s: string) => s.split(/\s+/).filter(Boolean)
