// Priority and tag phrases ("urgent", "high priority", "#work", "tag it home", ٹیگ, zaroori).

import type { Priority } from '@todo-chatbot/contract/vocabulary';
import { wordPattern } from './text.ts';

export interface Extracted<T> {
  value: T;
  rest: string;
}

const level = {
  high: 'high|top|urgent|زیادہ|اعلی|اونچی',
  medium: 'medium|normal|mid|درمیانی|عام',
  low: 'low|کم',
};

/** Tried in order; phrases that name a level beat the bare "urgent" words. */
const priorityRules: [RegExp, Priority][] = [
  [
    wordPattern(
      `(?:with |as |at )?(?:${level.low})[- ]?(?:priority|prio|ترجیح)|priority[: ]+(?:${level.low})|(?:ترجیح|priority) کم|not urgent|kam ahem|kam zaroori|ghair zaroori|کم اہم|غیر ضروری`,
    ),
    'low',
  ],
  [
    wordPattern(
      `(?:with |as |at )?(?:${level.medium})[- ]?(?:priority|prio|ترجیح)|priority[: ]+(?:${level.medium})|(?:ترجیح|priority) درمیانی`,
    ),
    'medium',
  ],
  [
    wordPattern(
      `(?:with |as |at )?(?:${level.high})[- ]?(?:priority|prio|ترجیح)|priority[: ]+(?:${level.high})|(?:ترجیح|priority) (?:زیادہ|اعلی|اونچی)`,
    ),
    'high',
  ],
  [
    wordPattern(
      "(?:it'?s |it is |mark it |make it )?(?:urgent(?:ly)?|asap|critical|very important|bohat zaroori|bahut zaroori|zaroori|zaruri|fori|foran|فوری|فورا|بہت ضروری|ضروری|بہت اہم)",
    ),
    'high',
  ],
  // "important" is a common title word ("important email"); only a clause of its own counts.
  [
    /(?:^|[,.;!]\s*|\s-\s*)(?:it'?s |it is )?(?:important|ahem|aham|اہم)[.!]?$|^(?:important|ahem|aham|اہم)\s*[:,-]/iu,
    'high',
  ],
];

export function extractPriority(text: string): Extracted<Priority> | undefined {
  for (const [pattern, value] of priorityRules) {
    const match = pattern.exec(text);
    if (match) return { value, rest: cut(text, match) };
  }
  return undefined;
}

const tagWord = '[\\p{L}\\p{N}_-]+';
const tagPhrases = [
  // "#work", but not "#3", which is a task number.
  new RegExp(`(?<![\\p{L}\\p{N}_])#(?!\\d+(?![\\p{L}_-]))(${tagWord})`, 'gu'),
  wordPattern(
    `(?:and )?(?:tag(?: it| this| them)(?: as| with)?|tagged(?: as| with)?|with (?:the )?tags?|tags?:|ٹیگ|label(?:led)? it(?: as)?)\\s+(${tagWord}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+aur\\s+|\\s+اور\\s+)${tagWord})*)`,
    'giu',
  ),
];
/** Words after "tag it" that are not tags but the sentence going on. */
const notTags = new Set([
  'as',
  'with',
  'to',
  'it',
  'the',
  'and',
  'karo',
  'kar',
  'do',
  'کرو',
  'لگاؤ',
  'lagao',
]);

export function extractTags(text: string): Extracted<string[]> | undefined {
  const tags: string[] = [];
  let rest = text;
  for (const pattern of tagPhrases) {
    rest = rest.replace(pattern, (_whole, list: string) => {
      for (const tag of list.split(/\s*,\s*|\s+and\s+|\s+aur\s+|\s+اور\s+/)) {
        const clean = tag.toLowerCase();
        if (clean && !notTags.has(clean) && !tags.includes(clean)) tags.push(clean);
      }
      return ' ';
    });
  }
  if (tags.length === 0) return undefined;
  return { value: tags, rest: rest.replace(/\s+/g, ' ').trim() };
}

function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`
    .replace(/\s+/g, ' ')
    .trim();
}
