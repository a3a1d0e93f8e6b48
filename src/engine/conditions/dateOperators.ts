/**
 * The date family [IAM-CONDOPS "Date condition operators"]: values in the W3C profile of ISO 8601
 * (`2030-01-01`, `2030-01-01T00:00:00Z`, with fractions or offsets) or UNIX epoch seconds; an all-digit
 * value is always read as seconds (IAM-KEYS `aws:EpochTime`, SEMANTICS §4). A time without a zone
 * designator is read as UTC. No policy variables. A value that is not a date makes the condition false
 * (§4 choice).
 */
import { F, T } from '../context/keyValue';
import { compareNumbers, type NumericComparison } from './numericOperators';
import { INVALID, type ValueTest } from './valueTest';

const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Reads a date as epoch milliseconds, or `undefined` when the text is not a date. */
export function parseDate(text: string): number | undefined {
  const value = text.trim();
  if (EPOCH.test(value)) return Number(value) * 1000;
  const m = ISO.exec(value);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
    x === undefined ? undefined : Number(x),
  );
  const mo = month ?? 1;
  const d = day ?? 1;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 60)
    return undefined;
  const utc =
    Date.UTC(year ?? 0, mo - 1, d, hour ?? 0, minute ?? 0, second ?? 0) +
    (m[7] === undefined ? 0 : Math.round(Number(m[7]) * 1000));
  const check = new Date(Date.UTC(year ?? 0, mo - 1, d));
  if (check.getUTCDate() !== d) return undefined; // 2030-02-31
  return utc - zoneOffsetMs(m[8]);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Compiles the policy values of a date condition. */
export function compileDateTest(comparison: NumericComparison, values: readonly string[]): ValueTest {
  const dates = values.map(parseDate);
  if (dates.some((d) => d === undefined)) return () => INVALID;
  const policy = dates as number[];
  return (r) => {
    const request = parseDate(r);
    if (request === undefined) return INVALID;
    for (const p of policy) if (compareNumbers(comparison, request, p)) return T;
    return F;
  };
}
