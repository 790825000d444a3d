import { BlockList, isIP } from 'node:net';
import { CASE_BOUND_CHANNELS, finding, groupByKeyAndDay, type Finding, type ReviewFact } from './rule-types';

/** The halls' own networks (staff LAN, window terminals), as CIDRs per hall code. */
export interface HallNetworkConfig {
  readonly networks: Readonly<Record<string, readonly string[]>>;
}

/** `10.1.0.0/16` → its address and prefix, or undefined for anything else. */
export function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (!match) return undefined;
  const version = isIP(match[1]);
  const prefix = Number(match[2]);
  if (version === 0 || prefix > (version === 4 ? 32 : 128)) return undefined;
  return { address: match[1], prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** The first of the CIDRs holding the address, if any (IPv4-mapped IPv6 addresses match IPv4 networks). */
export function networkOf(ip: string, cidrs: readonly string[]): string | undefined {
  const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const version = isIP(address);
  if (version === 0) return undefined;
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (!parsed) continue;
    const list = new BlockList();
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    if (list.check(address, version === 4 ? 'ipv4' : 'ipv6')) return cidr;
  }
  return undefined;
}

/**
 * Rule (c), ratings from the hall's own network on case-bound channels: a rating of a case (window QR, invitation,
 * portal) whose client address is inside one of its hall's configured networks was given from the hall's own
 * equipment, where nobody may rate on a citizen's behalf. One finding per address and Shanghai day.
 */
export function hallNetworkRatings(facts: readonly ReviewFact[], config: HallNetworkConfig): Finding[] {
  const inside = new Map<string, string>();
  const suspect = facts.filter((fact) => {
    if (!CASE_BOUND_CHANNELS.includes(fact.channel) || fact.clientIp === null) return false;
    const network = networkOf(fact.clientIp, config.networks[fact.hallCode] ?? []);
    if (network) inside.set(fact.id, network);
    return network !== undefined;
  });
  // An address belongs to one hall's network; keyed by hall too, so two halls' overlapping ranges stay apart.
  return [...groupByKeyAndDay(suspect, (fact) => `${fact.hallCode} ${fact.clientIp}`).values()].map((group) => {
    const network = inside.get(group.facts[0].id)!;
    const ip = group.facts[0].clientIp!;
    return finding('HALL_NETWORK', 'ADDRESS', ip, group.day, group.facts, { networks: config.networks[group.facts[0].hallCode] ?? [] }, `${group.facts.length} 条办件评价来自本大厅内部网络 ${network}（地址 ${ip}）`, { network });
  });
}
