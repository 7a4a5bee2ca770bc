// Reads an update request: which fields change, and the phrase that names the task.

import type { Priority } from '@todo-chatbot/contract/vocabulary';
import { extractPriority, extractTags } from './attributes.ts';
import { extractDue } from './dates.ts';
import { cleanTitle } from './drafts.ts';
import { extractRecurrence } from './recurrence.ts';
import { isOnlyReference } from './references.ts';
import { tidy } from './text.ts';
import type { Changes, Language, TimeContext } from './types.ts';

export interface UpdateRequest {
  changes: Changes;
  refPhrase: string;
}

type Field = 'title' | 'description' | 'due' | 'priority' | 'tags';

const tagList = '#?[\\p{L}\\p{N}_-]+(?:\\s*(?:,|and|aur|اور)\\s*#?[\\p{L}\\p{N}_-]+)*';

/** Whole-field rewrites where the new value is free text and must not be parsed further. */
const rewrites: Record<Language, [RegExp, 'title' | 'description'][]> = {
  en: [
    [/^(?:rename|retitle)\s+(?<ref>.+?)\s+(?:to|as|into)\s+(?<value>.+)$/i, 'title'],
    [
      /^(?:change|update|set|edit|modify)\s+(?:the\s+)?(?:title|name)\s+(?:of|for|on)\s+(?<ref>.+?)\s+to\s+(?<value>.+)$/i,
      'title',
    ],
    [
      /^(?:change|update|set|edit|modify)\s+(?<ref>.+?)(?:'s)?\s+(?:title|name)\s+to\s+(?<value>.+)$/i,
      'title',
    ],
    [
      /^(?:change|update|set|edit|modify)\s+(?:the\s+)?(?:description|notes?|details)\s+(?:of|for|on)\s+(?<ref>.+?)\s+to\s+(?<value>.+)$/i,
      'description',
    ],
    [
      /^(?:change|update|set|edit|modify)\s+(?<ref>.+?)(?:'s)?\s+(?:description|notes?|details)\s+to\s+(?<value>.+)$/i,
      'description',
    ],
    [
      /^add\s+(?:a\s+)?(?:note|description)\s+to\s+(?<ref>.+?)\s*[:-]\s*(?<value>.+)$/i,
      'description',
    ],
  ],
  ur: [
    [
      /^(?<ref>.+?)\s+کا\s+نام\s+(?:بدل\s*کر|بدل\s*کے|تبدیل\s*کر\s*کے)?\s*(?<value>.+?)\s+(?:رکھ|کر)\s*(?:و|دو|دیں|یں)$/u,
      'title',
    ],
    [
      /^(?<ref>.+?)\s+کا\s+نام\s+(?:بدلو|بدل دو|تبدیل کرو|تبدیل کر دو)\s*[:,]?\s*(?<value>.+)$/u,
      'title',
    ],
    [
      /^(?<ref>.+?)\s+(?:کی|کا)\s+(?:تفصیل|نوٹ)\s+(?<value>.+?)\s+(?:رکھ|کر|لکھ)\s*(?:و|دو|دیں|یں)$/u,
      'description',
    ],
  ],
  roman: [
    [
      /^(?<ref>.+?)\s+ka\s+naam\s+(?:badal\s*ke|badal\s*kar|change\s*kar\s*ke|tabdeel\s*kar\s*ke)?\s*(?<value>.+?)\s+(?:rakh|kar)\s*(?:o|do|dein|den)$/i,
      'title',
    ],
    [
      /^(?<ref>.+?)\s+ka\s+naam\s+(?:badlo|badal do|change karo|change kar do)\s*[:,]?\s*(?<value>.+)$/i,
      'title',
    ],
    [
      /^(?<ref>.+?)\s+(?:ki|ka)\s+(?:tafseel|note|description)\s+(?<value>.+?)\s+(?:rakh|kar|likh)\s*(?:o|do|dein|den)$/i,
      'description',
    ],
  ],
};

/** "tag work", "tags a, b" or "#work": the word "tag" or a hash is required. */
const tagWords = `(?:(?:tags?|labels?)\\s+(?=#?[\\p{L}\\p{N}])|(?=#))(?<tags>${tagList})`;

/** Requests to clear a field, which also mark the message as an update. */
const clearing: Record<Language, { due: RegExp; recurrence: RegExp; tag: RegExp; addTag: RegExp }> =
  {
    en: {
      due: /(?:remove|clear|delete|drop|unset|take off)\s+(?:the\s+)?(?:due\s+date|deadline|date|due)(?:\s+(?:from|of|for|on))?/i,
      recurrence:
        /(?:stop|don'?t|do not|no longer)\s+(?:repeating|repeat|recurring)|(?:remove|clear|delete|cancel|turn off|disable)\s+(?:the\s+)?(?:recurrence|repeat|repetition|repeating)(?:\s+(?:from|of|for|on))?|not\s+repeat|non-?recurring/i,
      tag: new RegExp(
        `(?:remove|delete|drop|take off)\\s+(?:the\\s+)?${tagWords}\\s+(?:from|of|on)(?![\\p{L}])`,
        'iu',
      ),
      addTag: new RegExp(
        `(?:add|put|attach)\\s+(?:the\\s+)?${tagWords}\\s+(?:to|on)(?![\\p{L}])`,
        'iu',
      ),
    },
    ur: {
      due: /(?:کی|کا)?\s*(?:تاریخ|ڈیڈ ?لائن|ڈیو ڈیٹ)\s+(?:ہٹا|ختم|حذف|مٹا)\S*(?:\s+(?:دو|دیں|کرو|کریں|کر دو))?/u,
      recurrence:
        /(?:کا|کی)?\s*(?:دہرانا|دوہرانا|ریپیٹ|تکرار)\s+(?:بند|ختم)\s*(?:کرو|کر ?دو|کریں)?/u,
      tag: new RegExp(
        `(?:سے)?\\s*(?<tags>${tagList})\\s+(?:کا\\s+)?ٹیگ\\s+(?:ہٹا|مٹا|حذف)\\S*(?:\\s+(?:دو|دیں|کرو))?`,
        'u',
      ),
      addTag: new RegExp(
        `(?:پر|کو)\\s+(?<tags>${tagList})\\s+(?:کا\\s+)?ٹیگ\\s+(?:لگا|شامل کر)\\S*(?:\\s+(?:دو|دیں))?`,
        'u',
      ),
    },
    roman: {
      due: /(?:ki|ka)?\s*(?:due date|date|tareekh|tarikh|deadline)\s+(?:hata|khatam|delete|remove|mita)\w*(?:\s+(?:do|dein|karo|kar do))?/i,
      recurrence:
        /(?:ka|ki)?\s*(?:repeat|dohrana|dohrana|takrar|recurrence)\s+(?:band|khatam|mat|off)\s*(?:karo|kar ?do|karein)?/i,
      tag: new RegExp(
        `(?:se)?\\s*(?<tags>${tagList})\\s+(?:ka\\s+)?tag\\s+(?:hata|mita|remove|delete)\\w*(?:\\s+(?:do|dein|karo))?`,
        'iu',
      ),
      addTag: new RegExp(
        `(?:pe|par|ko)\\s+(?<tags>${tagList})\\s+(?:ka\\s+)?tag\\s+(?:laga|add)\\w*(?:\\s+(?:do|dein|karo))?`,
        'iu',
      ),
    },
  };

/** The verbs of an update, removed before the fields are read; some imply the field. */
const updateVerbs: Record<Language, RegExp> = {
  en: /^(?:rename|retitle|change|update|edit|modify|set|make|mark|(?<due>move|reschedule|postpone|push(?:\s+back)?|delay)|(?<tags>tag)|(?<priority>prioriti[sz]e))\s+/i,
  ur: /\s*(?:(?<due>منتقل|آگے)|تبدیل|اپ ?ڈیٹ)?\s*(?:کر\s*(?:و|یں|دو|دیں)|بدل\s*(?:و|ؤ|یں|دو|دیں)|بنا\s*(?:ؤ|دو|دیں)|رکھ\s*(?:و|دو|دیں))$/u,
  roman:
    /\s*(?:(?<due>shift|move|postpone|aage)|change|update|edit|tabdeel|set)?\s*(?:kar\s*(?:o|do|dein|den)|karo|badal\s*(?:o|do|dein)|badlo|bana\s*(?:o|do|dein)|rakh\s*(?:o|do|dein))$/i,
};

/** Where the task ends and its new value begins: "move X to Y", "X ko Y kar do". */
const splitters: Record<Language, RegExp> = {
  en: /\s(?:to|as|into|until|till|for|with|:)\s/gi,
  ur: /\s(?:کو|کی|کا)\s/gu,
  roman: /\s(?:ko|ki|ka)\s/gi,
};

const fieldWords: Record<Language, [RegExp, Field][]> = {
  en: [
    [/\b(?:due\s+date|deadline|date|due|time)\b/i, 'due'],
    [/\bpriority\b/i, 'priority'],
    [/\b(?:title|name)\b/i, 'title'],
    [/\b(?:description|notes?|details)\b/i, 'description'],
    [/\b(?:tags?|labels?)\b/i, 'tags'],
  ],
  ur: [
    [/(?:تاریخ|ڈیڈ ?لائن|وقت|ڈیو ڈیٹ)/u, 'due'],
    [/(?:ترجیح|اہمیت|پرائیورٹی)/u, 'priority'],
    [/(?:^|\s)نام(?:\s|$)/u, 'title'],
    [/(?:تفصیل|نوٹ)/u, 'description'],
    [/ٹیگ/u, 'tags'],
  ],
  roman: [
    [/\b(?:due\s+date|date|tareekh|tarikh|deadline|time|waqt)\b/i, 'due'],
    [/\b(?:priority|tarjeeh|ahmiyat)\b/i, 'priority'],
    [/\b(?:naam|title|name)\b/i, 'title'],
    [/\b(?:tafseel|description|note)\b/i, 'description'],
    [/\btags?\b/i, 'tags'],
  ],
};

const plainPriority: [RegExp, Priority][] = [
  [/^(?:high|urgent|top|زیادہ|اونچی|اعلی|fori|zaroori)$/iu, 'high'],
  [/^(?:medium|normal|mid|درمیانی|عام|darmiyani)$/iu, 'medium'],
  [/^(?:low|کم|kam)$/iu, 'low'],
  [/^(?:none|no priority|nothing|کوئی نہیں|koi nahi)$/iu, 'none'],
];

const fieldPadding =
  /(?:^|\s)(?:the|of|for|on|'s|due\s+date|deadline|date|due|time|priority|title|name|description|notes?|details|tags?|labels?|تاریخ|ڈیڈ ?لائن|وقت|ترجیح|اہمیت|نام|تفصیل|ٹیگ|tareekh|tarikh|waqt|tarjeeh|naam|tafseel|be|پر|پہ|میں|pe|par|mein|main|repeats?|repeating|dohrana|دہرانا|دوہرانا|ہے|ہیں|hai|hain)(?=\s|$)/giu;

export function isCompoundUpdate(text: string, lang: Language): boolean {
  const c = clearing[lang];
  return [c.due, c.recurrence, c.tag, c.addTag].some((pattern) => pattern.test(text));
}

export function parseUpdate(text: string, lang: Language, ctx: TimeContext): UpdateRequest {
  for (const source of lang === 'en' ? [lang] : [lang, 'en' as const]) {
    for (const [pattern, field] of rewrites[source]) {
      const m = pattern.exec(text);
      if (m?.groups?.ref && m.groups.value) {
        const value = tidy(m.groups.value);
        const changes =
          field === 'title' ? { title: cleanTitle(value, lang) } : { description: value };
        return { changes, refPhrase: m.groups.ref };
      }
    }
  }

  const changes: Changes = {};
  let rest = text;
  const c = clearing[lang];
  const removeMatch = (pattern: RegExp, apply: (m: RegExpExecArray) => void) => {
    const m = pattern.exec(rest);
    if (!m) return;
    apply(m);
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
  };
  removeMatch(c.due, () => {
    changes.due_at = null;
  });
  removeMatch(c.recurrence, () => {
    changes.recurrence = null;
  });
  removeMatch(c.tag, (m) => {
    changes.removeTags = splitTags(m.groups?.tags ?? '');
  });
  removeMatch(c.addTag, (m) => {
    changes.addTags = splitTags(m.groups?.tags ?? '');
  });

  const verb = updateVerbs[lang].exec(rest);
  const verbField = (['due', 'tags', 'priority'] as const).find((f) => verb?.groups?.[f]);
  const body = tidy(rest.replace(updateVerbs[lang], ' '));
  const splits = [...body.matchAll(splitters[lang])];
  // "change task 3 to go to the gym": the first split is right when it leaves a plain reference.
  const split =
    splits.find((s) => isOnlyReference(body.slice(0, s.index), lang, false)) ?? splits.at(-1);
  const refPart = split ? body.slice(0, split.index) : body;
  const valuePart = split ? body.slice((split.index ?? 0) + split[0].length) : body;
  const field =
    verbField ??
    fieldWords[lang].find(([pattern]) => pattern.test(split ? `${refPart} ${valuePart}` : ''))?.[1];

  // Without a split the field words are part of the value: "make task 5 low priority".
  const valueText = split ? valuePart.replace(fieldPadding, ' ') : valuePart;
  const value = readValues(tidy(valueText), lang, ctx, changes, field);
  // "prioritize task 3" names no level: it means make it important.
  if (verbField === 'priority') changes.priority ??= 'high';
  if (!split) return { changes, refPhrase: tidy(value.replace(fieldPadding, ' ')) };
  const refPhrase = tidy(refPart.replace(fieldPadding, ' '));
  if (value && Object.keys(changes).length === 0) {
    if (field === 'description') changes.description = value;
    else changes.title = cleanTitle(value, lang);
    return { changes, refPhrase };
  }
  return { changes, refPhrase: tidy(`${refPhrase} ${value}`) };
}

/** Reads new values into `changes` and returns the words it could not read. */
function readValues(
  text: string,
  lang: Language,
  ctx: TimeContext,
  changes: Changes,
  field: Field | undefined,
): string {
  let rest = text;
  const plain = plainPriority.find(([pattern]) => pattern.test(rest.trim()));
  if (field === 'priority' && plain) {
    changes.priority = plain[1];
    return '';
  }
  const tags = extractTags(rest);
  if (tags) {
    changes.addTags = [...(changes.addTags ?? []), ...tags.value];
    rest = tags.rest;
  } else if (field === 'tags' && rest) {
    changes.addTags = splitTags(rest);
    return '';
  }
  const priority = extractPriority(rest);
  if (priority) ({ value: changes.priority, rest } = priority);
  const recurrence = extractRecurrence(rest, ctx.timeZone);
  if (recurrence) {
    changes.recurrence = recurrence.rule;
    rest = recurrence.rest.replace(/\b(?:repeat|recur)s?\b/i, ' ');
  }
  const due = extractDue(rest, lang, ctx);
  if (due) {
    changes.due_at = due.iso;
    rest = due.rest;
  }
  return tidy(rest);
}

function splitTags(list: string): string[] {
  return list
    .split(/\s*(?:,|\band\b|\baur\b|اور)\s*/u)
    .map((tag) => tag.replace(/^#/, '').toLowerCase())
    .filter(Boolean);
}
