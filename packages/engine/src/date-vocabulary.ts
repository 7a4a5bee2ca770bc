// Urdu and Roman Urdu words for numbers, parts of the day, weekdays and spans of time.

export type Part = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

const urduNumbers = [
  'ایک',
  'دو',
  'تین',
  'چار',
  'پانچ',
  'چھ',
  'سات',
  'آٹھ',
  'نو',
  'دس',
  'گیارہ',
  'بارہ',
];
const romanNumbers: Record<string, number> = {
  ek: 1,
  do: 2,
  teen: 3,
  char: 4,
  chaar: 4,
  paanch: 5,
  panch: 5,
  chay: 6,
  chhe: 6,
  che: 6,
  saat: 7,
  aath: 8,
  nau: 9,
  das: 10,
  gyarah: 11,
  gyara: 11,
  barah: 12,
  bara: 12,
};

export function numberValue(word: string): number {
  const urdu = urduNumbers.indexOf(word);
  if (urdu >= 0) return urdu + 1;
  return romanNumbers[word.toLowerCase()] ?? Number.parseInt(word, 10);
}

/** Regular-expression alternatives for each kind of date word in one language. */
export interface Vocabulary {
  number: string;
  /** Modifiers before the hour: half past, quarter past, quarter to; and 1:30 / 2:30 words. */
  half: string;
  quarter: string;
  quarterTo: string;
  oneThirty: string;
  twoThirty: string;
  oclock: string;
  parts: Record<Part, string>;
  joiner: string;
  today: string;
  tomorrow: string;
  dayAfter: string;
  next: string;
  nextWeek: string;
  nextMonth: string;
  units: Record<'minutes' | 'hours' | 'days' | 'weeks' | 'months', string>;
  within: string;
  weekdays: Record<string, string>;
  tail: string;
  /** Postpositions that make an ambiguous weekday (ہفتہ is also "week") mean the day. */
  dayMarker: string;
}

export const urdu: Vocabulary = {
  number: `\\d{1,2}(?::\\d{2})?|${urduNumbers.join('|')}`,
  half: 'ساڑھے',
  quarter: 'سوا',
  quarterTo: 'پونے',
  oneThirty: 'ڈیڑھ',
  twoThirty: 'ڈھائی',
  oclock: 'بجے|بجکر|بج کر',
  parts: {
    morning: 'صبح|سویرے',
    noon: 'دوپہر',
    afternoon: 'سہ ?پہر',
    evening: 'شام',
    night: 'رات',
  },
  joiner: '(?:\\s+(?:کے|کو|میں))?',
  today: 'آج',
  tomorrow: 'کل',
  dayAfter: 'پرسوں',
  next: 'اگلے|اگلی|اگلا|آنے والے|آنے والی',
  nextWeek: 'اگلے ہفتے|اگلا ہفتہ',
  nextMonth: 'اگلے مہینے|اگلا مہینہ|اگلے ماہ',
  units: {
    minutes: 'منٹ|منٹوں',
    hours: 'گھنٹے|گھنٹوں|گھنٹہ',
    days: 'دن|دنوں',
    weeks: 'ہفتے|ہفتوں|ہفتہ',
    months: 'مہینے|مہینوں|مہینہ|ماہ',
  },
  within: 'میں|بعد|کے بعد|تک',
  weekdays: {
    thursday: 'جمعرات',
    friday: 'جمعہ|جمعے',
    sunday: 'اتوار',
    monday: 'پیر|سوموار',
    tuesday: 'منگل',
    wednesday: 'بدھ',
    saturday: 'ہفتہ|ہفتے',
  },
  tail: '(?:\\s+(?:کو|تک|کے دن|والے دن))?',
  dayMarker: '\\s+(?:کو|تک|کے دن|والے دن)',
};

export const roman: Vocabulary = {
  number: `\\d{1,2}(?::\\d{2})?|${Object.keys(romanNumbers).join('|')}`,
  half: 'saadhe|sadhe|sarhe|sarhay|saarhe',
  quarter: 'sawa',
  quarterTo: 'paune|pone',
  oneThirty: 'dedh|derh',
  twoThirty: 'dhai|dhaai|arhai|dhaee',
  oclock: 'baje|bje|bajay|bajey|bajke|baj ke',
  parts: {
    morning: 'subah|subha|sobah|sawere|savere|morning',
    noon: 'dopahar|dopehar|dophar|dopher',
    afternoon: 'sehpehar|seh pehar|afternoon',
    evening: 'shaam|sham|evening',
    night: 'raat|rat|night',
  },
  joiner: '(?:\\s+(?:ke|ko|mein|main|me))?',
  today: 'aaj|aj|today',
  tomorrow: 'kal|tomorrow',
  dayAfter: 'parson|parso|parsoon|parsun',
  next: 'agle|agli|agla|aglay|next|anay wale|aane wale',
  nextWeek: 'agle hafte|agle haftay|agla hafta|next week',
  nextMonth: 'agle mahine|agle maheene|agla mahina|next month',
  units: {
    minutes: 'minute|minutes|mint|minat',
    hours: 'ghante|ghanton|ghanta|ghantay|hours?',
    days: 'din|dino|dinon|days?',
    weeks: 'hafte|haftay|hafton|weeks?',
    months: 'mahine|mahinay|maheene|mahinon|months?',
  },
  within: 'mein|main|me|mai|baad|bad|ke baad|tak',
  weekdays: {
    thursday: 'jumeraat|jumerat|jumairat|jumme ?raat|thursday',
    friday: 'jumma|juma|jummah|jumah|jummay|jumay|jumme|friday',
    sunday: 'itwar|itwaar|itvaar|sunday',
    monday: 'peer|pir|somwar|monday',
    tuesday: 'mangal|tuesday',
    wednesday: 'budh|budhwar|wednesday',
    saturday: 'hafta|hafte|haftay|saturday',
  },
  tail: '(?:\\s+(?:ko|tak|ke din|wale din))?',
  dayMarker: '\\s+(?:ko|tak|ke din|wale din)',
};
