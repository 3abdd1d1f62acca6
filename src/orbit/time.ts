const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_JULIAN_DATE = 2440587.5;

/** Julian date of a UTC instant; used as UT1 too (UT1 = UTC by convention, SEMANTICS §7). */
export const julianDateFromMs = (timeMs: number): number => timeMs / MS_PER_DAY + UNIX_EPOCH_JULIAN_DATE;

// CCSDS 502.0-B-3 §7.5.10: calendar or ordinal date, optional fraction, optional trailing Z.
const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;
const ORDINAL = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;

/** Parses a CCSDS UTC epoch to epoch milliseconds (fraction kept below 1 ms), or undefined. */
export function parseCcsdsEpoch(text: string): number | undefined {
  const calendar = CALENDAR.exec(text);
  if (calendar) {
    const [, year, month, day, hour, minute, second, fraction] = calendar;
    const dayStartMs = Date.UTC(Number(year), Number(month) - 1, Number(day));
    // Date.UTC rolls 31 June over to 1 July; a real calendar date round-trips.
    if (new Date(dayStartMs).getUTCDate() !== Number(day) || Number(month) < 1 || Number(month) > 12) {
      return undefined;
    }
    return withTimeOfDay(dayStartMs, hour!, minute!, second!, fraction);
  }
  const ordinal = ORDINAL.exec(text);
  if (ordinal) {
    const [, year, dayOfYear, hour, minute, second, fraction] = ordinal;
    const dayStartMs = Date.UTC(Number(year), 0, Number(dayOfYear));
    if (Number(dayOfYear) < 1 || new Date(dayStartMs).getUTCFullYear() !== Number(year)) return undefined;
    return withTimeOfDay(dayStartMs, hour!, minute!, second!, fraction);
  }
  return undefined;
}

function withTimeOfDay(dayStartMs: number, hour: string, minute: string, second: string, fraction?: string) {
  // Second 60 is a leap second; without a leap-second table it is folded into the next minute.
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
  const seconds = Number(hour) * 3600 + Number(minute) * 60 + Number(second) + Number(fraction ?? 0);
  return dayStartMs + seconds * 1000;
}
