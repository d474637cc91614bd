import { useEffect, useState } from 'react'

const DEBOUNCE_MS = 500

/** The value once it has stopped changing for a moment; the same object while it is equal (as JSON). */
export function useSettled<T>(value: T, ms = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled((prev) => (JSON.stringify(prev) === JSON.stringify(value) ? prev : value)), ms)
    return () => window.clearTimeout(timer)
  }, [value, ms])
  return settled
}
