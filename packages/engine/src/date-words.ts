// Urdu and Roman Urdu date/time phrases, translated to English phrases that chrono understands.
import { numberValue, type Part, roman, urdu, type Vocabulary } from './date-vocabulary.ts';
import type { Language } from './types.ts';

/** A recognised phrase: either English for chrono, or a bare part of the day ("in the evening"). */
export type DatePiece = { start: number; end: number } & (
  | { phrase: string }
  | { partOfDayHour: number }
);

interface LexEntry {
  pattern: RegExp;
  toPiece: (match: RegExpExecArray) => { phrase: string } | { partOfDayHour: number };
  /** A match that could mean something else ("is hafte" = this week) is not a date. */
  ambiguous?: (match: RegExpExecArray) => boolean;
}

/** "شام 5" is 5 PM, "رات 2" is 2 AM: the part of the day settles AM or PM. */
function clockPhrase(hour: number, minute: number, part: Part | undefined): string {
  let pm: boolean | undefined;
  if (part === 'morning') pm = false;
  if (part === 'noon') pm = hour === 12 || hour <= 5;
  if (part === 'afternoon' || part === 'evening') pm = true;
  if (part === 'night') pm = hour >= 6 && hour <= 11;
  if (part === 'night' && hour === 12) pm = false;
  const clock = `${hour}:${String(minute).padStart(2, '0')}`;
  return pm === undefined ? clock : `${clock}${pm ? 'pm' : 'am'}`;
}

const partHours: Record<Part, number> = {
  morning: 9,
  noon: 13,
  afternoon: 15,
  evening: 18,
  night: 20,
};

/** Entries are tried in order and earlier matches claim their text, so longer phrases go first. */
function entries(v: Vocabulary): LexEntry[] {
  const b = (source: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu');
  const partNames = Object.keys(v.parts) as Part[];
  const anyPart = partNames.map((p) => `(?<${p}>${v.parts[p]})`).join('|');
  const modifier = `(?:(?<half>${v.half})|(?<quarter>${v.quarter})|(?<quarterTo>${v.quarterTo}))\\s+`;
  const hour = `(?:${modifier})?(?<n>${v.number})`;
  const special = `(?<oneThirty>${v.oneThirty})|(?<twoThirty>${v.twoThirty})`;
  const clock = `(?:${hour}|${special})(?:\\s*(?:${v.oclock}))`;
  const ampm = `(?<n2>\\d{1,2}(?::\\d{2})?)\\s*(?<ap>am|pm)`;
  const weekdayNames = Object.keys(v.weekdays);
  const anyWeekday = weekdayNames.map((d) => `(?<${d}>${v.weekdays[d]})`).join('|');

  const partOf = (m: RegExpExecArray) => partNames.find((p) => m.groups?.[p]);
  const timeOf = (m: RegExpExecArray) => {
    const g = m.groups ?? {};
    if (g.oneThirty) return { hour: 1, minute: 30 };
    if (g.twoThirty) return { hour: 2, minute: 30 };
    const [h = '0', mm = '0'] = (g.n ?? '0').split(':');
    let hourValue = numberValue(h);
    let minute = Number.parseInt(mm, 10);
    if (g.half) minute = 30;
    if (g.quarter) minute = 15;
    if (g.quarterTo) {
      hourValue = hourValue === 1 ? 12 : hourValue - 1;
      minute = 45;
    }
    return { hour: hourValue, minute };
  };
  const weekdayOf = (m: RegExpExecArray) => weekdayNames.find((d) => m.groups?.[d]) ?? 'monday';
  const unitOf = (m: RegExpExecArray) =>
    (Object.keys(v.units) as (keyof Vocabulary['units'])[]).find((u) => m.groups?.[u]) ?? 'days';
  const anyUnit = Object.entries(v.units)
    .map(([u, words]) => `(?<${u}>${words})`)
    .join('|');

  return [
    {
      pattern: b(`(?:${anyPart})${v.joiner}\\s+${clock}`),
      toPiece: (m) => {
        const t = timeOf(m);
        return { phrase: clockPhrase(t.hour, t.minute, partOf(m)) };
      },
    },
    {
      pattern: b(`${clock}\\s+(?:${anyPart})(?:\\s+(?:کو|ko))?`),
      toPiece: (m) => {
        const t = timeOf(m);
        return { phrase: clockPhrase(t.hour, t.minute, partOf(m)) };
      },
    },
    {
      pattern: b(clock),
      toPiece: (m) => {
        const t = timeOf(m);
        return { phrase: clockPhrase(t.hour, t.minute, undefined) };
      },
    },
    { pattern: b(ampm), toPiece: (m) => ({ phrase: `${m.groups?.n2}${m.groups?.ap}` }) },
    {
      pattern: b(`(?<n>\\d{1,3}|${v.number})\\s+(?:${anyUnit})\\s+(?:${v.within})`),
      toPiece: (m) => ({ phrase: `in ${numberValue(m.groups?.n ?? '1')} ${unitOf(m)}` }),
    },
    { pattern: b(`(?:${v.nextWeek})${v.tail}`), toPiece: () => ({ phrase: 'next week' }) },
    { pattern: b(`(?:${v.nextMonth})${v.tail}`), toPiece: () => ({ phrase: 'next month' }) },
    {
      pattern: b(`(?:${v.next})\\s+(?:${anyWeekday})${v.tail}`),
      toPiece: (m) => ({ phrase: `next ${weekdayOf(m)}` }),
    },
    {
      pattern: b(`(?:${anyWeekday})${v.tail}`),
      toPiece: (m) => ({ phrase: weekdayOf(m) }),
      ambiguous: (m) => {
        const saturday = m.groups?.saturday?.toLowerCase();
        return !!saturday && saturday !== 'saturday' && !new RegExp(v.dayMarker).test(m[0]);
      },
    },
    {
      pattern: b(`(?:${v.dayAfter})${v.tail}`),
      toPiece: () => ({ phrase: 'the day after tomorrow' }),
    },
    { pattern: b(`(?:${v.tomorrow})${v.tail}`), toPiece: () => ({ phrase: 'tomorrow' }) },
    { pattern: b(`(?:${v.today})${v.tail}`), toPiece: () => ({ phrase: 'today' }) },
    {
      pattern: b(`(?:${anyPart})(?:\\s+(?:کو|میں|ko|mein|main|me))?`),
      toPiece: (m) => ({ partOfDayHour: partHours[partOf(m) ?? 'morning'] }),
    },
  ];
}

const english: LexEntry[] = [
  // chrono reads "the day after tomorrow" but only "tomorrow" without the article.
  {
    pattern: /(?<![\p{L}])(?:the\s+)?day after tomorrow(?![\p{L}])/giu,
    toPiece: () => ({ phrase: 'the day after tomorrow' }),
  },
  // Office shorthand: the end of the working day or week.
  {
    pattern: /(?<![\p{L}])(?:(?:the\s+)?end of (?:the\s+)?(?:day|today)|eod)(?![\p{L}])/giu,
    toPiece: () => ({ phrase: 'today at 5pm' }),
  },
  {
    pattern: /(?<![\p{L}])(?:(?:the\s+)?end of (?:the\s+)?week|eow)(?![\p{L}])/giu,
    toPiece: () => ({ phrase: 'friday at 5pm' }),
  },
];

const lexicons: Record<Language, LexEntry[]> = {
  en: english,
  ur: entries(urdu),
  roman: entries(roman),
};

/** Every date/time phrase of the language in the text; earlier entries claim their words first. */
export function findDatePieces(text: string, lang: Language): DatePiece[] {
  const pieces: DatePiece[] = [];
  const taken = (start: number, end: number) => pieces.some((p) => start < p.end && end > p.start);
  for (const entry of lexicons[lang]) {
    entry.pattern.lastIndex = 0;
    for (let m = entry.pattern.exec(text); m; m = entry.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end) || entry.ambiguous?.(m)) continue;
      pieces.push({ start, end, ...entry.toPiece(m) });
    }
  }
  return pieces.sort((a, b) => a.start - b.start);
}
