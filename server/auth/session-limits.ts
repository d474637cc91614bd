/** How long a session lives: ended after `idleMinutes` without a request, and `maxHours` after login regardless. */
export type SessionLimits = { idleMinutes: number; maxHours: number }

/** The defaults of COPYDESK_SESSION_IDLE_MINUTES and COPYDESK_SESSION_MAX_HOURS (server/config.ts). */
export const DEFAULT_SESSION: SessionLimits = { idleMinutes: 12 * 60, maxHours: 24 * 7 }

export const sessionLimits = (opts: Partial<SessionLimits> = {}): SessionLimits => ({
  idleMinutes: opts.idleMinutes ?? DEFAULT_SESSION.idleMinutes,
  maxHours: opts.maxHours ?? DEFAULT_SESSION.maxHours,
})
