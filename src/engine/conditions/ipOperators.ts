/**
 * `IpAddress` / `NotIpAddress` [IAM-CONDOPS "IP address condition operators"]: the request address is
 * inside one of the policy's CIDR blocks (IPv4 or IPv6; a value without a prefix is a single address).
 * No policy variables. An unreadable address or block makes the condition false (SEMANTICS §4 choice).
 */
import { F, T } from '../context/keyValue';
import { INVALID, type ValueTest } from './valueTest';

/** An address or block: 32-bit words (1 for IPv4, 4 for IPv6) and a prefix length. */
export interface Cidr {
  readonly words: readonly number[];
  readonly prefix: number;
}

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let word = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    word = word * 256 + Number(part);
  }
  return [word];
}

function parseV6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): string[] =>
    half === undefined || half === '' ? [] : half.split(':');
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) takes two groups.
  const last = tail.length > 0 ? tail[tail.length - 1] : head[head.length - 1];
  const v4 = last !== undefined && last.includes('.') ? parseV4(last) : undefined;
  if (last !== undefined && last.includes('.')) {
    if (v4 === undefined) return undefined;
    const word = v4[0] ?? 0;
    const extra = [(word >>> 16).toString(16), (word & 0xffff).toString(16)];
    if (tail.length > 0) tail.splice(tail.length - 1, 1, ...extra);
    else head.splice(head.length - 1, 1, ...extra);
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2)
    words.push(parseInt(all[i] ?? '0', 16) * 65536 + parseInt(all[i + 1] ?? '0', 16));
  return words;
}

/** Reads `a.b.c.d[/n]` or an IPv6 address with an optional `/n`. */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const words = address.includes(':') ? parseV6(address) : parseV4(address);
  if (words === undefined) return undefined;
  const max = words.length * 32;
  if (slash < 0) return { words, prefix: max };
  const prefixText = trimmed.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  return { words, prefix: Number(prefixText) };
}

/** True when `address` lies inside `block` (same family only). */
export function cidrContains(block: Cidr, address: Cidr): boolean {
  if (block.words.length !== address.words.length) return false;
  let bits = block.prefix;
  for (let i = 0; i < block.words.length && bits > 0; i++) {
    const take = Math.min(32, bits);
    const mask = take === 32 ? 0xffffffff : ~(0xffffffff >>> take) >>> 0;
    if (((block.words[i] ?? 0) & mask) >>> 0 !== ((address.words[i] ?? 0) & mask) >>> 0) return false;
    bits -= take;
  }
  return true;
}

/** Compiles the policy values of an IP condition. */
export function compileIpTest(values: readonly string[]): ValueTest {
  const blocks = values.map(parseCidr);
  if (blocks.some((b) => b === undefined)) return () => INVALID;
  const policy = blocks as Cidr[];
  return (r) => {
    const address = parseCidr(r);
    if (address === undefined) return INVALID;
    for (const block of policy) if (cidrContains(block, address)) return T;
    return F;
  };
}
