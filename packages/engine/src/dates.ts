// Due dates from natural language: finds the phrases, resolves them in the user's time zone.
import { TZDate, tzOffset } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import { formatISO } from 'date-fns';
import { type DatePiece, findDatePieces } from './date-words.ts';
import type { Language, TimeContext } from './types.ts';

/** Date-only tasks are due at 9 AM: the start of a working day, not midnight. */
const DEFAULT_HOUR = 9;

/** chrono's guesses (6 AM for "morning", 10 PM for "tonight") are not when people plan tasks. */
const partOfDayHours: [RegExp, number][] = [
  [/\bmorning\b/i, 9],
  [/\bafternoon\b/i, 15],
  [/\bevening\b/i, 18],
  [/\b(tonight|night)\b/i, 20],
];

interface Span {
  start: number;
  end: number;
}

interface Reading {
  span: Span;
  date?: { year: number; month: number; day: number };
  time?: { hour: number; minute: number; meridiemKnown: boolean };
  partOfDayHour?: number;
}

export interface DueMatch {
  /** ISO 8601 with the user's offset, as add_task and update_task expect. */
  iso: string;
  instant: Date;
  /** The input with the date phrases (and the "on", "by", "ko" around them) removed. */
  rest: string;
}

/**
 * chrono only knows fixed offsets, so it reads calendar fields at today's offset; `resolve`
 * then rebuilds the instant in the IANA zone, which keeps dates past a DST change right.
 */
function reference(ctx: TimeContext) {
  return { instant: ctx.now, timezone: tzOffset(ctx.timeZone, ctx.now) };
}

function readChrono(result: chrono.ParsedResult, span: Span, preceding = ''): Reading {
  const s = result.start;
  const reading: Reading = { span };
  // A month name alone is usually part of a title ("email the March report"), unless it is
  // "next month" or "in December".
  const monthOnly = !s.isCertain('day') && !s.isCertain('weekday') && s.isCertain('month');
  const named =
    /^(?:next|this)\b|month/i.test(result.text) || /\b(?:in|by|until|before)\s*$/i.test(preceding);
  if (monthOnly && !named) return reading;
  if (s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month')) {
    reading.date = { year: s.get('year') ?? 0, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
  }
  if (s.isCertain('hour')) {
    reading.time = {
      hour: s.get('hour') ?? 0,
      minute: s.get('minute') ?? 0,
      // "in 20 hours" is an exact instant, not a clock reading to guess AM or PM for.
      meridiemKnown:
        s.isCertain('meridiem') ||
        (s.get('hour') ?? 0) > 12 ||
        /\b(?:hours?|hrs?|minutes?|mins?)\b/i.test(result.text),
    };
  } else {
    reading.partOfDayHour = partOfDayHours.find(([word]) => word.test(result.text))?.[1];
  }
  return reading;
}

function readPiece(piece: DatePiece, ctx: TimeContext): Reading | undefined {
  const span = { start: piece.start, end: piece.end };
  if ('partOfDayHour' in piece) return { span, partOfDayHour: piece.partOfDayHour };
  const [result] = chrono.casual.parse(piece.phrase, reference(ctx), { forwardDate: true });
  return result ? readChrono(result, span) : undefined;
}

/** All date readings in the text: the language's own phrases first, then chrono's English. */
function readings(text: string, lang: Language, ctx: TimeContext): Reading[] {
  const pieces = findDatePieces(text, lang);
  const found = pieces.flatMap((piece) => readPiece(piece, ctx) ?? []);
  if (lang === 'en') {
    // Blanking keeps the indices of the remaining text valid for removal later.
    let blanked = text;
    for (const p of pieces) {
      blanked = blanked.slice(0, p.start) + ' '.repeat(p.end - p.start) + blanked.slice(p.end);
    }
    for (const result of chrono.casual.parse(blanked, reference(ctx), { forwardDate: true })) {
      const span = { start: result.index, end: result.index + result.text.length };
      found.push(readChrono(result, span, blanked.slice(0, result.index)));
    }
  }
  return found
    .filter((r) => r.date || r.time || r.partOfDayHour !== undefined)
    .sort((a, b) => a.span.start - b.span.start);
}

/** Without AM/PM, "at 5" means 5 PM: people rarely plan tasks for before dawn. */
function guessMeridiem(hour: number, meridiemKnown: boolean): number {
  return !meridiemKnown && hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

function resolve(found: Reading[], ctx: TimeContext): Date | undefined {
  const dated = found.find((r) => r.date);
  const timed = found.find((r) => r.time);
  const part = found.find((r) => r.partOfDayHour !== undefined)?.partOfDayHour;
  if (!dated && !timed && part === undefined) return undefined;

  const today = new TZDate(ctx.now, ctx.timeZone);
  const day = dated?.date ?? {
    year: today.getFullYear(),
    month: today.getMonth() + 1,
    day: today.getDate(),
  };
  let hour = DEFAULT_HOUR;
  let minute = 0;
  if (timed?.time) {
    hour = guessMeridiem(timed.time.hour, timed.time.meridiemKnown);
    minute = timed.time.minute;
  } else if (part !== undefined) {
    hour = part;
  }
  let due = new TZDate(day.year, day.month - 1, day.day, hour, minute, ctx.timeZone);
  if (due.getTime() <= ctx.now.getTime()) {
    if (!dated) {
      // A bare time that has passed today means the same time tomorrow.
      due = new TZDate(day.year, day.month - 1, day.day + 1, hour, minute, ctx.timeZone);
    } else if (!timed && part === undefined) {
      // "today" after 9 AM: due by the end of the day rather than already overdue.
      due = new TZDate(day.year, day.month - 1, day.day, 23, 59, ctx.timeZone);
    }
  }
  return new Date(due.getTime());
}

const connectors: Record<Language, { before: RegExp; after?: RegExp }> = {
  en: {
    before:
      /(?:\b(?:due|by|on|in|at|before|for|until|till|from|starting|to|around|this|the)\s*)+$/i,
  },
  ur: { before: /(?:(?:تک|کو|پر|سے)\s*)+$/, after: /^\s*(?:تک|کو|پر|سے|کے لیے|کیلئے)(?!\p{L})/u },
  roman: {
    before: /(?:\b(?:due|by|on|at|to|tak|ko|pe|par|se)\s*)+$/i,
    after: /^\s*(?:tak|ko|pe|par|se|ke liye|k liye)\b/i,
  },
};

function removeSpans(text: string, spans: Span[], lang: Language): string {
  let rest = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    const before = rest.slice(0, span.start).replace(connectors[lang].before, '');
    const after = rest.slice(span.end).replace(connectors[lang].after ?? '', '');
    rest = `${before} ${after}`;
  }
  return rest.replace(/\s+/g, ' ').trim();
}

export function toIso(instant: Date, timeZone: string): string {
  return formatISO(new TZDate(instant, timeZone));
}

/** The due date the text names, if any, and the text without it. */
export function extractDue(text: string, lang: Language, ctx: TimeContext): DueMatch | undefined {
  const found = readings(text, lang, ctx);
  const instant = resolve(found, ctx);
  if (!instant) return undefined;
  return {
    instant,
    iso: toIso(instant, ctx.timeZone),
    rest: removeSpans(
      text,
      found.map((r) => r.span),
      lang,
    ),
  };
}

/** The next moment at `hour:minute` falling on one of `days` (0 = Sunday), after now. */
export function nextWeekdayAt(days: number[], hour: number, minute: number, ctx: TimeContext) {
  const today = new TZDate(ctx.now, ctx.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const candidate = new TZDate(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() + offset,
      hour,
      minute,
      ctx.timeZone,
    );
    if (days.includes(candidate.getDay()) && candidate.getTime() > ctx.now.getTime()) {
      return new Date(candidate.getTime());
    }
  }
  return undefined;
}
