// IANA time zone names, validated by the runtime's own time zone database.
import { z } from './zod.ts';

function isValidTimeZone(zone: string): boolean {
  // Constructing a DateTimeFormat costs more than the rest of a request's validation; the
  // canonical names need no asking. Aliases and other spellings (asia/karachi) still ask.
  if (canonicalTimeZoneSet.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical names this runtime knows, for the OpenAPI document. */
const canonicalTimeZones = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
const canonicalTimeZoneSet = new Set(canonicalTimeZones);

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Asia/Karachi' })
  .openapi('TimeZone', {
    type: 'string',
    enum: canonicalTimeZones,
    description:
      'an IANA time zone name; the canonical names are listed, and their older aliases (Asia/Calcutta) are accepted too',
    example: 'Asia/Karachi',
  });
