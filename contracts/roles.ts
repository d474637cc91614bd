import { z } from 'zod'

/** Roles from DOMAIN.md. A user may hold several; no role implies another. */
export const Role = z.enum(['writer', 'factcheck', 'legal', 'editor', 'cmo', 'admin'])
export type Role = z.infer<typeof Role>
export const ROLES = Role.options
