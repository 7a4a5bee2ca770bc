// Turns the text of an "add" request into one or more clean task drafts.
import { TZDate } from '@date-fns/tz';
import type { Recurrence } from '@todo-chatbot/contract';
import { WEEKDAYS } from '@todo-chatbot/contract/vocabulary';
import { extractPriority, extractTags } from './attributes.ts';
import { extractDue, nextWeekdayAt, toIso } from './dates.ts';
import { taskVerbs } from './lexicon.ts';
import { extractRecurrence } from './recurrence.ts';
import { capitalize, tidy, wordPattern } from './text.ts';
import type { Language, TaskDraft, TimeContext } from './types.ts';

/** Words that frame a task without being part of its title: "a task to", "on my list", "ہے". */
const framing: Record<Language, { lead: RegExp; trail: RegExp }> = {
  en: {
    lead: /^(?:(?:these|the following)(?:\s+(?:tasks|items|todos))?\s*:\s*)?(?:(?:a|an|the|new|another|one more)\s+)?(?:(?:task|todo|to-do|reminder|item|note)s?\s*(?:to|:|-|that says|called|named)?\s+)?(?:(?:to|that|for me to|me to|i need to|i have to|i must|i should)\s+)?/i,
    trail:
      /\s+(?:to|on|in|onto|into)\s+(?:my|the)\s+(?:(?:to-?do|todo|task|tasks|shopping)\s+)?(?:list|tasks|todos?)(?=\s|$)|\s+(?:as a (?:task|todo|reminder)|for me|please|pls)$/i,
  },
  ur: {
    lead: /^(?:(?:ایک|نیا|کام|ٹاسک)(?:\s*[:،,-]\s*|\s+))*(?:(?:کہ|کے)\s+)?/u,
    trail: /\s+(?:(?:کو\s+)?(?:میری\s+)?(?:فہرست|لسٹ)\s+میں|ہے|ہیں|کا کام|کو|کہ)$/u,
  },
  roman: {
    lead: /^(?:(?:ek|naya|nayi|kaam|task)(?:\s*[:,-]\s*|\s+))*(?:(?:ke|ki|k)\s+)?/i,
    trail: /\s+(?:(?:ko\s+)?(?:meri\s+)?list\s+(?:mein|main|me)|hai|hain|hy|ko|ke|ki)$/i,
  },
};

const descriptionPattern =
  /(?:\s*[,;(]?\s*|\s+)(?:with (?:a )?(?:note|description)|note|notes|description|details|desc|تفصیل|نوٹ|tafseel)\s*[:：-]\s*(?<text>.+?)\)?$/iu;

/** Splits "milk, eggs and bread" or "call mom tomorrow and pay rent on friday" into tasks. */
export function splitTasks(body: string, lang: Language): string[] {
  const lines = body
    .split(/\s*(?:\n+|;)\s*/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
  return lines.flatMap((line) => splitLine(line, lang));
}

const andWord: Record<Language, string> = {
  en: 'and|&|also|then',
  ur: 'اور|پھر',
  roman: 'aur|or|phir',
};

function splitLine(line: string, lang: Language): string[] {
  // A description runs to the end of the line; its commas are not separators.
  const description = descriptionPattern.exec(line);
  const head = description ? line.slice(0, description.index) : line;
  const tail = description ? line.slice(description.index) : '';
  const commaParts = head.split(/\s*,\s*/).filter(Boolean);
  const and = new RegExp(`\\s+(?:${andWord[lang]})\\s+`, 'iu');
  const pieces: string[] = [];
  for (const [i, part] of commaParts.entries()) {
    const sides = part.split(and);
    const isEnumeration = commaParts.length > 1 && i === commaParts.length - 1;
    if (
      sides.length > 1 &&
      (isEnumeration || sides.slice(1).every((side) => startsTask(side, lang)))
    ) {
      pieces.push(...sides);
    } else {
      pieces.push(part);
    }
  }
  if (tail && pieces.length > 0) pieces[pieces.length - 1] += tail;
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}

/** Does this clause read like a task of its own rather than the second half of a title? */
function startsTask(side: string, lang: Language): boolean {
  if (lang === 'en') return wordPattern(`^(?:${taskVerbs})`).test(side.trim());
  // Urdu and Roman Urdu put the verb last: an infinitive ending marks a complete task.
  return /(?:نا|نی|نے|na|ni|ne)(?:\s+(?:hai|ہے))?$/iu.test(side.trim());
}

export function buildDraft(piece: string, lang: Language, ctx: TimeContext): TaskDraft {
  const draft: Partial<TaskDraft> = {};
  let text = piece;
  const description = descriptionPattern.exec(text);
  if (description?.groups?.text) {
    draft.description = description.groups.text.trim();
    text = text.slice(0, description.index);
  }
  const tags = extractTags(text);
  if (tags) ({ value: draft.tags, rest: text } = tags);
  const priority = extractPriority(text);
  if (priority) ({ value: draft.priority, rest: text } = priority);
  const recurrence = extractRecurrence(text, ctx.timeZone);
  if (recurrence) ({ rule: draft.recurrence, rest: text } = recurrence);
  const due = extractDue(text, lang, ctx);
  if (due) {
    draft.due_at = due.iso;
    text = due.rest;
  }
  // "every Monday at 5pm" is first due on the coming Monday, not on the next 5pm.
  const first = draft.recurrence && firstOccurrence(draft.recurrence, ctx, due?.instant);
  if (first) draft.due_at = first;
  return { title: cleanTitle(text, lang), ...draft };
}

/**
 * A weekly rule starts on its next weekday, at the time the user named or 9 AM. Other rules
 * need no first date: the server counts from now.
 */
function firstOccurrence(rule: Recurrence, ctx: TimeContext, at?: Date): string | undefined {
  if (rule.frequency !== 'weekly' || !rule.weekdays) return undefined;
  const days = rule.weekdays.map((day) => WEEKDAYS.indexOf(day));
  const local = at ? new TZDate(at, ctx.timeZone) : undefined;
  const instant = nextWeekdayAt(days, local?.getHours() ?? 9, local?.getMinutes() ?? 0, ctx);
  return instant ? toIso(instant, ctx.timeZone) : undefined;
}

export function cleanTitle(text: string, lang: Language): string {
  let title = tidy(text);
  let previous: string;
  do {
    previous = title;
    // Roman and Urdu writers also frame tasks the English way ("add karo: a task to …").
    for (const frame of lang === 'en' ? [framing.en] : [framing[lang], framing.en]) {
      title = tidy(title.replace(frame.lead, '').replace(frame.trail, ''));
    }
  } while (title !== previous);
  return lang === 'ur' ? title : capitalize(title);
}

/**
 * Several tasks named together share a date, tags or priority named once at the end; a piece
 * with no title of its own ("…, it's urgent") only qualifies the task before it.
 */
export function combineDrafts(drafts: TaskDraft[]): TaskDraft[] {
  const titled: TaskDraft[] = [];
  for (const draft of drafts) {
    const previous = titled.at(-1);
    if (draft.title) titled.push(draft);
    else if (previous) Object.assign(previous, { ...draft, title: previous.title });
  }
  const last = titled.at(-1);
  if (!last || titled.length < 2) return titled;
  const others = titled.slice(0, -1);
  const shared: Partial<TaskDraft> = {};
  for (const key of ['due_at', 'tags', 'priority', 'recurrence'] as const) {
    if (last[key] !== undefined && others.every((draft) => draft[key] === undefined)) {
      Object.assign(shared, { [key]: last[key] });
    }
  }
  return titled.map((draft) => ({ ...shared, ...draft }));
}
