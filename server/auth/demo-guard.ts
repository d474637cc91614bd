import { BlockList, isIP } from 'node:net'
import type { Config } from '../config'

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')

/** 127.0.0.0/8, ::1 (also written out or IPv4-mapped), localhost. Other names could resolve anywhere. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost') return true
  const family = isIP(h)
  if (family === 4) return LOOPBACK.check(h, 'ipv4')
  // BlockList also matches ::ffff:127.0.0.1 against the IPv4 subnet
  if (family === 6) return LOOPBACK.check(h, 'ipv6')
  return false
}

/**
 * Whether the server may create the demo users at start (main.ts asks only in embedded mode).
 * Not when it listens beyond this machine (HOST=0.0.0.0, a LAN address, a host name) with the
 * well-known password "demo": that would be six accounts, one of them admin, anyone can log in to.
 */
export function demoSeedAllowed(config: Pick<Config, 'host' | 'demoPassword'>): { allowed: boolean; reason: string } {
  if (config.demoPassword !== 'demo') return { allowed: true, reason: 'COPYDESK_DEMO_PASSWORD is set' }
  if (isLoopbackHost(config.host)) return { allowed: true, reason: `HOST ${config.host} is loopback only` }
  return {
    allowed: false,
    reason:
      `Demo users not created: HOST ${config.host} is reachable from other machines and their password would be "demo". ` +
      'Set COPYDESK_DEMO_PASSWORD, or create users with "copydesk user add".',
  }
}
