import type { Applet } from './types.js';

/**
 * Calendar arithmetic by hand (no host `Date` under src/): the container's clock reads the
 * scenario epoch (2025-01-01T00:00:00Z) plus simulated time, in UTC as containers default to.
 */

/** 2025-01-01T00:00:00Z in Unix ms: object timestamps and containers' clocks start here. */
export const SIM_EPOCH_MS = 1_735_689_600_000;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
  readonly weekday: number;
  readonly yday: number;
  readonly epochSeconds: number;
}

/** Howard Hinnant's days-to-civil algorithm. */
export function civil(unixMs: number): Civil {
  const days = Math.floor(unixMs / 86_400_000);
  const msOfDay = unixMs - days * 86_400_000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const yday = cumulative[month - 1]! + day - 1 + (leap && month > 2 ? 1 : 0);
  return {
    year,
    month,
    day,
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    ms: msOfDay % 1000,
    weekday: (((days + 4) % 7) + 7) % 7,
    yday,
    epochSeconds: Math.floor(unixMs / 1000),
  };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** strftime for the conversions scripts use, in UTC. */
export function strftime(format: string, unixMs: number): string {
  const c = civil(unixMs);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const f = format[++i]!;
    switch (f) {
      case 'Y':
        out += String(c.year);
        break;
      case 'y':
        out += p2(c.year % 100);
        break;
      case 'C':
        out += p2(Math.floor(c.year / 100));
        break;
      case 'm':
        out += p2(c.month);
        break;
      case 'd':
        out += p2(c.day);
        break;
      case 'e':
        out += String(c.day).padStart(2, ' ');
        break;
      case 'H':
        out += p2(c.hour);
        break;
      case 'I':
        out += p2(((c.hour + 11) % 12) + 1);
        break;
      case 'M':
        out += p2(c.minute);
        break;
      case 'S':
        out += p2(c.second);
        break;
      case 'N':
        out += String(c.ms * 1_000_000).padStart(9, '0');
        break;
      case 'p':
        out += c.hour < 12 ? 'AM' : 'PM';
        break;
      case 's':
        out += String(c.epochSeconds);
        break;
      case 'a':
        out += DAYS[c.weekday];
        break;
      case 'A':
        out += DAYS_LONG[c.weekday];
        break;
      case 'b':
      case 'h':
        out += MONTHS[c.month - 1];
        break;
      case 'B':
        out += MONTHS_LONG[c.month - 1];
        break;
      case 'j':
        out += String(c.yday + 1).padStart(3, '0');
        break;
      case 'u':
        out += String(c.weekday === 0 ? 7 : c.weekday);
        break;
      case 'w':
        out += String(c.weekday);
        break;
      case 'Z':
        out += 'UTC';
        break;
      case 'z':
        out += '+0000';
        break;
      case 'T':
        out += `${p2(c.hour)}:${p2(c.minute)}:${p2(c.second)}`;
        break;
      case 'R':
        out += `${p2(c.hour)}:${p2(c.minute)}`;
        break;
      case 'D':
        out += `${p2(c.month)}/${p2(c.day)}/${p2(c.year % 100)}`;
        break;
      case 'F':
        out += `${c.year}-${p2(c.month)}-${p2(c.day)}`;
        break;
      case 'c':
        out += strftime('%a %b %e %H:%M:%S %Y', unixMs);
        break;
      case 'x':
        out += strftime('%m/%d/%y', unixMs);
        break;
      case 'X':
        out += strftime('%H:%M:%S', unixMs);
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case '%':
        out += '%';
        break;
      default:
        out += `%${f}`;
    }
  }
  return out;
}

/** `ls -l`'s time column for a recent file: `Jan  1 00:00`. */
export function formatLsTime(unixMs: number): string {
  return strftime('%b %e %H:%M', unixMs);
}

/** busybox `date`: the default format, `+FORMAT`, `-u`, `-I[date|seconds]`, `-R`. */
export const date: Applet = (ctx) => {
  const now = ctx.sys.epochMs + ctx.sys.now;
  let format = '%a %b %e %H:%M:%S %Z %Y';
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-u' || a === '--utc') continue;
    else if (a === '-R') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a === '-Idate') format = '%Y-%m-%d';
    else if (a === '-Iseconds') format = '%Y-%m-%dT%H:%M:%S+00:00';
    else if (a === '-Iminutes') format = '%Y-%m-%dT%H:%M+00:00';
    else if (a === '-Ihours') format = '%Y-%m-%dT%H+00:00';
    else if (a.startsWith('-')) {
      ctx.fds.stderr.write(`date: invalid option -- '${a.slice(1, 2)}'\n`);
      return 1;
    } else {
      ctx.fds.stderr.write(`date: can't set date: Operation not permitted\n`);
      return 1;
    }
  }
  ctx.fds.stdout.write(`${strftime(format, now)}\n`);
  return 0;
};
