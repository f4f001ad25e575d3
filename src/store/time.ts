/**
 * Object timestamps are 2025-01-01T00:00:00Z plus simulated time (SEMANTICS.md "Identity").
 * Calendar arithmetic is done here by hand so that nothing under src/ touches the host's Date.
 */
const EPOCH_DAYS = 20089; // days from 1970-01-01 to 2025-01-01

function civil(daysSince1970: number): [number, number, number] {
  // Howard Hinnant's days-to-civil algorithm.
  const z = daysSince1970 + 719468;
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

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function iso(simMs: number, fraction: boolean): string {
  const totalMs = Math.floor(simMs);
  const dayMs = 86_400_000;
  const days = Math.floor(totalMs / dayMs);
  let rest = totalMs - days * dayMs;
  const [y, mo, d] = civil(EPOCH_DAYS + days);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const ms = rest - s * 1000;
  const base = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  return fraction ? `${base}.${pad(ms, 3)}000Z` : `${base}Z`;
}

/**
 * Formatted timestamps. Every status the kubelet generates formats its pod's start time, its
 * containers' start and finish times and the current time; one cluster uses few distinct
 * instants, so each is formatted once (the cache is emptied when it grows large).
 */
const formatted = new Map<number, string>();
/** How many entries either cache keeps before it starts again. */
const MAX_CACHED = 10_000;

/** RFC 3339 with second precision, as metav1.Time serialises: `2025-01-01T00:00:05Z`. */
export function timestampOf(simMs: number): string {
  let stamp = formatted.get(simMs);
  if (stamp === undefined) {
    if (formatted.size >= MAX_CACHED) formatted.clear();
    stamp = iso(simMs, false);
    formatted.set(simMs, stamp);
  }
  return stamp;
}

/** RFC 3339 with microseconds, as metav1.MicroTime serialises (events' eventTime). */
export function microTimestampOf(simMs: number): string {
  return iso(simMs, true);
}

/**
 * Parsed timestamps. A controller sorting 10,000 pods compares their timestamps n log n times,
 * and one cluster uses few distinct timestamps (one per simulated second at most), so the parse
 * is remembered; the cache is emptied when it grows large.
 */
const parsed = new Map<string, number | undefined>();

/** Simulated milliseconds for a stored timestamp (`…Z`, optionally with a fraction). */
export function simTimeOf(timestamp: string | undefined): number | undefined {
  if (!timestamp) return undefined;
  let ms = parsed.get(timestamp);
  if (ms === undefined && !parsed.has(timestamp)) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    ms = parseTimestamp(timestamp);
    parsed.set(timestamp, ms);
  }
  return ms;
}

function parseTimestamp(timestamp: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(timestamp);
  if (!m) return undefined;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) - EPOCH_DAYS;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return (
    days * 86_400_000 +
    Number(m[4]) * 3_600_000 +
    Number(m[5]) * 60_000 +
    Number(m[6]) * 1000 +
    Math.round(frac)
  );
}
