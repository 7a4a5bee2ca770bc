// Time zone names: the canonical ones, their aliases and other spellings, and what is refused.
import { describe, expect, it } from 'vitest';
import { timeZoneSchema } from '../src/time-zone.ts';

const accepts = (zone: string) => timeZoneSchema.safeParse(zone).success;

describe('timeZoneSchema', () => {
  it('accepts canonical names, older aliases and other spellings the runtime knows', () => {
    for (const zone of ['UTC', 'Asia/Karachi', 'America/New_York', 'Asia/Calcutta', 'asia/karachi'])
      expect(accepts(zone), zone).toBe(true);
  });

  it('refuses names the runtime does not know, with a message a person understands', () => {
    for (const zone of ['Mars/Olympus', 'Asia/Karachi ', '', '+05:00x'])
      expect(accepts(zone), zone).toBe(false);
    expect(timeZoneSchema.safeParse('Mars/Olympus').error?.issues[0]?.message).toBe(
      'must be an IANA time zone such as Asia/Karachi',
    );
  });
});
