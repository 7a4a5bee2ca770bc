// The date-times a task is due and reminded at: instants with an explicit offset.
import { z } from './zod.ts';

const INSTANT_MESSAGE =
  'must be an ISO 8601 date-time with a time zone, such as 2026-11-22T17:00:00Z';
/** The last instant with a four-digit year in UTC: later ones serialise as +010000-…, which
 * PostgreSQL refuses. */
const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;
/** The same rule for OpenAPI readers: years 1970 to 9999, seconds optional, offset required. */
const INSTANT_OPENAPI = {
  format: 'date-time',
  pattern:
    '^(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$',
  description: 'a date-time with a time zone offset, from 1970 to 9999-12-31T23:59:59Z',
  example: '2026-11-22T17:00:00Z',
} as const;

/** An instant with an explicit offset; calendar-invalid dates such as 2026-02-30 are refused. */
const instant = z
  .string()
  .refine(isExactInstant, { message: INSTANT_MESSAGE })
  .transform((value) => new Date(value))
  .openapi({ type: 'string', ...INSTANT_OPENAPI });

/** An instant, or null to clear it: what due_at and remind_at take. */
export const nullableInstant = instant
  .nullable()
  .openapi({ type: ['string', 'null'], ...INSTANT_OPENAPI });

function isExactInstant(value: string): boolean {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const [offsetHours, offsetMinutes] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  const probe = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second));
  const time = new Date(value).getTime();
  // Date.UTC rolls 2026-02-30 over to March; a round trip exposes such dates.
  return (
    year !== undefined &&
    year >= 1970 &&
    year <= 9999 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === (month ?? 0) - 1 &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute &&
    // Offsets run from -23:59 to +23:59; 9999-12-31T23:00-05:00 would be in the year 10000.
    offsetHours <= 23 &&
    offsetMinutes <= 59 &&
    time <= LATEST_INSTANT
  );
}
