// Calendar arithmetic in the user's IANA time zone, which may differ from the machine's.

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function wallTime(instant: Date, timeZone: string): WallTime {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

function asUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** The instant at which the zone's clocks show this wall time (DST gaps resolve forwards). */
export function zonedToInstant(wall: WallTime, timeZone: string): Date {
  const target = asUtc(wall);
  const offsetAt = (instant: number) => asUtc(wallTime(new Date(instant), timeZone)) - instant;
  const shows = (instant: number) => asUtc(wallTime(new Date(instant), timeZone)) === target;
  const first = target - offsetAt(target);
  const second = target - offsetAt(first);
  if (shows(second)) return new Date(second);
  if (shows(first)) return new Date(first);
  // A time the clocks skip (spring forward): read it with the earlier offset, i.e. an hour later.
  return new Date(Math.max(first, second));
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of the instant's calendar day in the zone. */
export function dayKey(instant: Date, timeZone: string): string {
  const wall = wallTime(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** Values for `<input type="date">` and `<input type="time">`. */
export function toDateTimeInputs(iso: string | null, timeZone: string) {
  if (!iso) return { date: '', time: '' };
  const wall = wallTime(new Date(iso), timeZone);
  return {
    date: `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
}

/** An ISO instant from date and time inputs; a date alone means 9:00, as the assistant reads it. */
export function fromDateTimeInputs(date: string, time: string, timeZone: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return null;
  const clock = /^(\d{2}):(\d{2})/.exec(time) ?? [null, '09', '00'];
  const instant = zonedToInstant(
    {
      year: Number(day[1]),
      month: Number(day[2]),
      day: Number(day[3]),
      hour: Number(clock[1]),
      minute: Number(clock[2]),
    },
    timeZone,
  );
  return instant.toISOString();
}

export type DueState = 'overdue' | 'today' | 'upcoming' | 'none';

export function dueState(
  task: { due_at: string | null; completed: boolean },
  now: Date,
  timeZone: string,
): DueState {
  if (!task.due_at) return 'none';
  const due = new Date(task.due_at);
  if (!task.completed && due.getTime() < now.getTime()) return 'overdue';
  return dayKey(due, timeZone) === dayKey(now, timeZone) ? 'today' : 'upcoming';
}

/** Calendar arithmetic on the wall date, so 23- and 25-hour days cannot skip a day. */
function addDaysKey(instant: Date, days: number, timeZone: string): string {
  const wall = wallTime(instant, timeZone);
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days)).toISOString().slice(0, 10);
}

/** "Today, 6:00 PM", "Tomorrow, 9:00 AM", "Mon, 23 Nov, 6:00 PM" — in the user's zone. */
export function formatDue(iso: string, now: Date, timeZone: string, locale?: string): string {
  const due = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(due);
  const key = dayKey(due, timeZone);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const offset of [-1, 0, 1]) {
    if (key === addDaysKey(now, offset, timeZone)) {
      const word = relative.format(offset, 'day');
      return `${word.charAt(0).toLocaleUpperCase(locale) + word.slice(1)}, ${time}`;
    }
  }
  const sameYear = key.slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(due);
  return `${date}, ${time}`;
}

/** A full, unambiguous date and time for tooltips and screen readers. */
export function formatFull(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
}
