// Localised pieces of replies: dates in the user's time zone, priorities, recurrence, task lines.
import { TZDate } from '@date-fns/tz';
import type { Recurrence } from '@todo-chatbot/contract';
import { type Priority, WEEKDAYS, type Weekday } from '@todo-chatbot/contract/vocabulary';
import type { Language, ListFilter, TaskRecord, TimeContext } from './types.ts';

const weekdayNames: Record<Language, string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  ur: ['اتوار', 'پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ'],
  roman: ['Itwar', 'Peer', 'Mangal', 'Budh', 'Jumeraat', 'Jumma', 'Hafta'],
};

const monthNames: Record<Language, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ur: [
    'جنوری',
    'فروری',
    'مارچ',
    'اپریل',
    'مئی',
    'جون',
    'جولائی',
    'اگست',
    'ستمبر',
    'اکتوبر',
    'نومبر',
    'دسمبر',
  ],
  roman: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Urdu speakers name the part of the day instead of AM/PM. */
function dayPart(hour: number, lang: 'ur' | 'roman'): string {
  const parts =
    lang === 'ur'
      ? ['رات', 'صبح', 'دوپہر', 'سہ پہر', 'شام', 'رات']
      : ['raat', 'subah', 'dopahar', 'sehpehar', 'shaam', 'raat'];
  const index = hour < 4 ? 0 : hour < 12 ? 1 : hour < 15 ? 2 : hour < 17 ? 3 : hour < 20 ? 4 : 5;
  return parts[index] ?? '';
}

/** "Sun 22 Nov, 6:00 PM" in the user's zone; the year only when it is not this year. */
export function formatDate(iso: string, lang: Language, ctx: TimeContext): string {
  const date = new TZDate(new Date(iso), ctx.timeZone);
  const now = new TZDate(ctx.now, ctx.timeZone);
  const year = date.getFullYear() === now.getFullYear() ? '' : ` ${date.getFullYear()}`;
  const day = `${weekdayNames[lang][date.getDay()]} ${date.getDate()} ${monthNames[lang][date.getMonth()]}${year}`;
  const hour = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  if (lang === 'en') return `${day}, ${twelve}:${minutes} ${hour < 12 ? 'AM' : 'PM'}`;
  if (lang === 'ur') return `${day}، ${dayPart(hour, lang)} ${twelve}:${minutes} بجے`;
  return `${day}, ${dayPart(hour, lang)} ${twelve}:${minutes} baje`;
}

const priorityNames: Record<Language, Record<Priority, string>> = {
  en: {
    none: 'no priority',
    low: 'low priority',
    medium: 'medium priority',
    high: 'high priority',
  },
  ur: { none: 'بغیر ترجیح', low: 'کم ترجیح', medium: 'درمیانی ترجیح', high: 'زیادہ ترجیح' },
  roman: {
    none: 'no priority',
    low: 'low priority',
    medium: 'medium priority',
    high: 'high priority',
  },
};

export function formatPriority(priority: Priority, lang: Language): string {
  return priorityNames[lang][priority];
}

function dayList(days: Weekday[], lang: Language): string {
  const names = days.map((day) => weekdayNames[lang][WEEKDAYS.indexOf(day)]);
  return names.join(lang === 'ur' ? '، ' : ', ');
}

export function formatRecurrence(rule: Recurrence, lang: Language): string {
  const text = {
    en: {
      daily: 'repeats daily',
      monthly: 'repeats monthly',
      weekly: (days: string) => (days ? `repeats every ${days}` : 'repeats weekly'),
      every: (n: number) => `repeats every ${n} days`,
    },
    ur: {
      daily: 'روزانہ',
      monthly: 'ماہانہ',
      weekly: (days: string) => (days ? `ہر ${days}` : 'ہفتہ وار'),
      every: (n: number) => `ہر ${n} دن`,
    },
    roman: {
      daily: 'rozana',
      monthly: 'mahana',
      weekly: (days: string) => (days ? `har ${days}` : 'har hafte'),
      every: (n: number) => `har ${n} din`,
    },
  }[lang];
  switch (rule.frequency) {
    case 'daily':
      return text.daily;
    case 'monthly':
      return text.monthly;
    case 'weekly':
      return text.weekly(rule.weekdays ? dayList(rule.weekdays, lang) : '');
    case 'every_n_days':
      return text.every(rule.interval);
  }
}

const words = {
  en: { due: 'due', done: '✓ done', overdue: 'overdue' },
  ur: { due: 'آخری تاریخ', done: '✓ مکمل', overdue: 'تاخیر شدہ' },
  roman: { due: 'due', done: '✓ mukammal', overdue: 'overdue' },
};

export interface TaskDetails {
  due_at?: string | null;
  priority?: Priority;
  tags?: string[];
  recurrence?: Recurrence | null;
}

/** "due Sun 22 Nov, 6:00 PM, high priority, #home": the details worth repeating back. */
export function formatDetails(details: TaskDetails, lang: Language, ctx: TimeContext): string[] {
  const parts: string[] = [];
  if (details.due_at) parts.push(`${words[lang].due} ${formatDate(details.due_at, lang, ctx)}`);
  if (details.priority && details.priority !== 'none') {
    parts.push(formatPriority(details.priority, lang));
  }
  if (details.tags?.length) parts.push(details.tags.map((tag) => `#${tag}`).join(' '));
  if (details.recurrence) parts.push(formatRecurrence(details.recurrence, lang));
  return parts;
}

/** One numbered line of a list: title, id, then details and state. */
export function formatTaskLine(
  task: TaskRecord,
  position: number,
  lang: Language,
  ctx: TimeContext,
): string {
  const details = formatDetails(task, lang, ctx);
  if (task.completed) details.push(words[lang].done);
  else if (task.due_at && new Date(task.due_at).getTime() < ctx.now.getTime()) {
    details.push(`⚠ ${words[lang].overdue}`);
  }
  const separator = lang === 'ur' ? '، ' : ', ';
  const suffix = details.length > 0 ? ` — ${details.join(separator)}` : '';
  return `${position}. ${task.title} (#${task.id})${suffix}`;
}

const filterNames = {
  en: {
    pending: 'pending',
    completed: 'completed',
    overdue: 'overdue',
    today: 'due today',
    week: 'due this week',
    none: 'no due date',
    search: (q: string) => `matching "${q}"`,
  },
  ur: {
    pending: 'باقی',
    completed: 'مکمل شدہ',
    overdue: 'تاخیر شدہ',
    today: 'آج کے',
    week: 'اس ہفتے کے',
    none: 'بغیر تاریخ کے',
    search: (q: string) => `"${q}" والے`,
  },
  roman: {
    pending: 'baqi',
    completed: 'mukammal',
    overdue: 'overdue',
    today: 'aaj ke',
    week: 'is hafte ke',
    none: 'bina date ke',
    search: (q: string) => `"${q}" wale`,
  },
};

/** "pending, due today, #work": what a list was filtered by, in the user's words. */
export function formatFilter(filter: ListFilter, lang: Language): string {
  const names = filterNames[lang];
  const parts: string[] = [];
  if (filter.status === 'pending' || filter.status === 'completed')
    parts.push(names[filter.status]);
  if (filter.due) parts.push(names[filter.due]);
  if (filter.priority) parts.push(formatPriority(filter.priority, lang));
  if (filter.tag) parts.push(`#${filter.tag}`);
  if (filter.q) parts.push(names.search(filter.q));
  return parts.join(lang === 'ur' ? '، ' : ', ');
}
