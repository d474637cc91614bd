import { createContext, useContext, type ReactNode } from 'react'
import type { Me } from '../../../../contracts/auth'

const CurrentUserContext = createContext<Me | null>(null)

export function CurrentUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>
}

/** The signed-in user; only screens rendered after login use it. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext)
  if (!me) throw new Error('useCurrentUser must be used inside <CurrentUserProvider>')
  return me
}
