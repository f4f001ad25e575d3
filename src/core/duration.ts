import { KubesimError } from './errors.js';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const WORD_UNITS: Record<string, string> = {
  millisecond: 'ms',
  milliseconds: 'ms',
  second: 's',
  seconds: 's',
  sec: 's',
  secs: 's',
  minute: 'm',
  minutes: 'm',
  min: 'm',
  mins: 'm',
  hour: 'h',
  hours: 'h',
};

/**
 * Parses a duration to milliseconds: Go's syntax (`500ms`, `45s`, `1m30s`, `1h2m3s`) or the
 * words a scenario uses (`30 seconds`, `1 minute`, `2 hours`, `1 minute 30 seconds`).
 */
export function parseDuration(text: string): number {
  const source = text.trim();
  let rest = source.toLowerCase();
  for (const [word, unit] of Object.entries(WORD_UNITS)) {
    rest = rest.replace(new RegExp(`(\\d(?:\\.\\d+)?)\\s*${word}\\b`, 'g'), `$1${unit}`);
  }
  rest = rest.replace(/\s+(and\s+)?/g, '');
  if (rest === '0') return 0;
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/;
  if (rest === '') throw invalid(source);
  let total = 0;
  while (rest.length > 0) {
    const match = part.exec(rest);
    if (!match) throw invalid(source);
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return Math.round(total * 1e6) / 1e6;
}

function invalid(text: string): KubesimError {
  return new KubesimError(
    `invalid duration "${text}": use Go's form (500ms, 45s, 1m30s, 1h2m3s) or words (30 seconds, 2 minutes)`,
  );
}

/** Formats milliseconds as Go's time.Duration.String does: `1m30s`, `500ms`, `0s`, `2h0m0s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${trimNumber(rest)}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = `${trimNumber(rest / 1000)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function trimNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
