import { z } from 'zod'
import { Role } from './roles'

export const LoginRequest = z.object({
  email: z
    .email()
    .max(320)
    .transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(1024),
})
export type LoginRequest = z.infer<typeof LoginRequest>

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
})
export type Me = z.infer<typeof Me>
