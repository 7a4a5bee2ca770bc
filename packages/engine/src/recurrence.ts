// Recurrence phrases ("every Monday", "daily", ہر پیر, rozana) in all three languages.
import type { Recurrence } from '@todo-chatbot/contract';
import { WEEKDAYS, type Weekday } from '@todo-chatbot/contract/vocabulary';
import { wordPattern } from './text.ts';

export interface RecurrenceMatch {
  rule: Recurrence;
  rest: string;
}

const weekdayWords: Record<Weekday, string> = {
  mon: 'mondays?|mon|peer|pir|somwar|پیر|سوموار',
  tue: 'tuesdays?|tues?|mangal|منگل',
  wed: 'wednesdays?|wed|budh|budhwar|بدھ',
  thu: 'thursdays?|thur?s?|jumeraat|jumerat|jumairat|جمعرات',
  fri: 'fridays?|fri|jumma|juma|jummah|jummay|jumay|جمعہ|جمعے',
  sat: 'saturdays?|sat|hafta|hafte|ہفتہ|ہفتے',
  sun: 'sundays?|sun|itwar|itwaar|اتوار',
};

const anyWeekday = WEEKDAYS.map((code) => weekdayWords[code]).join('|');
const weekdayList = `(?:${anyWeekday})(?:\\s*(?:,|and|&|aur|or|اور|و)\\s*(?:${anyWeekday}))*`;

const numberWords: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  do: 2,
  teen: 3,
  char: 4,
  paanch: 5,
  دو: 2,
  تین: 3,
  چار: 4,
  پانچ: 5,
};
const count = `\\d{1,3}|${Object.keys(numberWords).join('|')}`;
const every = 'every|each|har|ہر';

/** A rule and how many characters after the match it also consumed ("weekly on Friday"). */
type Build = (match: RegExpExecArray) => { rule: Recurrence; extra?: number };

function weekdaysIn(text: string): Weekday[] {
  return WEEKDAYS.filter((code) => wordPattern(weekdayWords[code]).test(text));
}

function countOf(match: RegExpExecArray): number {
  const raw = match.groups?.n ?? '1';
  return numberWords[raw.toLowerCase()] ?? Number.parseInt(raw, 10);
}

function weekly(days: Weekday[]): { rule: Recurrence } {
  return { rule: { frequency: 'weekly', weekdays: days } };
}

/** "weekly on Friday": the days may follow the word. */
function weeklyWithDaysAfter(match: RegExpExecArray): { rule: Recurrence; extra?: number } {
  const tail = match.input.slice(match.index + match[0].length);
  const on = new RegExp(`^\\s*(?:on\\s+)?(${weekdayList})(?![\\p{L}])`, 'iu').exec(tail);
  if (!on?.[1]) return { rule: { frequency: 'weekly' } };
  return { rule: { frequency: 'weekly', weekdays: weekdaysIn(on[1]) }, extra: on[0].length };
}

const plural = 'mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays';

/** Tried in order; the first match wins, so specific phrases come before general ones. */
const rules: [RegExp, Build][] = [
  [
    wordPattern(`(?:${every}) (?:other|doosre|dusre|دوسرے) (?:day|din|دن)`),
    () => ({ rule: { frequency: 'every_n_days', interval: 2 } }),
  ],
  [
    wordPattern(`(?:${every}) (?<n>${count}) (?:days|din|دن)`),
    (m) => ({ rule: { frequency: 'every_n_days', interval: countOf(m) } }),
  ],
  [
    wordPattern(`(?:${every}) (?<n>${count}) (?:weeks|hafte|ہفتے)`),
    (m) => ({ rule: { frequency: 'every_n_days', interval: 7 * countOf(m) } }),
  ],
  [
    wordPattern(`(?:${every}) weekdays?|on weekdays|weekdays`),
    () => weekly(['mon', 'tue', 'wed', 'thu', 'fri']),
  ],
  [wordPattern(`(?:${every}) weekends?|on weekends|weekends`), () => weekly(['sat', 'sun'])],
  [
    // A bare ہر ہفتے / har hafte is "every week", not "every Saturday".
    wordPattern(
      '(?:every|each) week|weekly|har hafte|har haftay|har hafta|haftawar|ہر ہفتے|ہر ہفتہ|ہفتہ وار',
    ),
    weeklyWithDaysAfter,
  ],
  [
    wordPattern(
      `(?:${every}) (?:${weekdayList})(?:\\s+(?:ko|کو))?|on (?:${plural})(?:\\s*(?:,|and|&)\\s*(?:${plural}))*`,
    ),
    (m) => weekly(weekdaysIn(m[0])),
  ],
  [
    wordPattern(
      `(?:${every}) ?day|daily|rozana|roz ?ana|har roz|har din|roz|روزانہ|ہر روز|ہر دن|روز`,
    ),
    () => ({ rule: { frequency: 'daily' } }),
  ],
  [
    wordPattern(`(?:${every}) ?month|monthly|har mahine|har maheene|mahana|ہر مہینے|ہر ماہ|ماہانہ`),
    () => ({ rule: { frequency: 'monthly' } }),
  ],
];

/** The recurrence the text names, stamped with the user's time zone, and the text without it. */
export function extractRecurrence(text: string, timeZone: string): RecurrenceMatch | undefined {
  for (const [pattern, build] of rules) {
    const match = pattern.exec(text);
    if (!match) continue;
    const { rule, extra = 0 } = build(match);
    const end = match.index + match[0].length + extra;
    const rest = `${text.slice(0, match.index)} ${text.slice(end)}`.replace(/\s+/g, ' ').trim();
    return { rule: { ...rule, timezone: timeZone }, rest };
  }
  return undefined;
}
