/**
 * The two ways describe.go shows a time: `Format(time.RFC1123Z)` (`Wed, 01 Jan 2025 00:00:05 +0000`)
 * and translateTimestampSince (duration.HumanDuration of the time since). kubectl prints times in
 * the machine's zone; kubesim prints UTC. The calendar is computed here, not with Date, so that
 * nothing under src/ reads the host's clock or zone.
 */
import { simTimeOf } from '../../store/time.js';
import { humanDuration } from '../printers/human-duration.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Go's zero time.Time formatted: what an unset metav1.Time prints as. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** `Mon, 02 Jan 2006 15:04:05 -0700` for a stored RFC 3339 timestamp, shown in UTC. */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return ZERO_TIME;
  const m = RFC3339.exec(timestamp);
  if (!m) return timestamp;
  const [, y, mo, d, h, mi, s, zone] = m as unknown as string[];
  let seconds =
    daysFromCivil(Number(y), Number(mo), Number(d)) * 86400 + Number(h) * 3600 + Number(mi) * 60 + Number(s);
  if (zone !== 'Z') {
    const sign = zone!.startsWith('-') ? -1 : 1;
    seconds -= sign * (Number(zone!.slice(1, 3)) * 3600 + Number(zone!.slice(4, 6)) * 60);
  }
  const days = Math.floor(seconds / 86400);
  let rest = seconds - days * 86400;
  const [year, month, day] = civilFromDays(days);
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  const second = rest - minute * 60;
  // 1970-01-01 was a Thursday.
  const weekday = WEEKDAYS[(((days + 4) % 7) + 7) % 7];
  return `${weekday}, ${pad(day)} ${MONTHS[month - 1]} ${pad(year, 4)} ${pad(hour)}:${pad(minute)}:${pad(second)} +0000`;
}

/** translateTimestampSince / translateMicroTimestampSince: `<unknown>` for an unset time. */
export function since(timestamp: string | null | undefined, nowMs: number): string {
  const at = timestamp ? simTimeOf(timestamp) : undefined;
  if (at === undefined) return '<unknown>';
  return humanDuration(nowMs - at);
}
