// List filters from a listing request: status, due window, priority, tag and search words.
import { wordPattern } from './text.ts';
import type { Language, ListFilter } from './types.ts';

const statusWords: [RegExp, NonNullable<ListFilter['status']>][] = [
  [
    wordPattern(
      'pending|open|incomplete|unfinished|not done|remaining|left|to do|outstanding|undone|still (?:have|need)|باقی|زیر التوا|نامکمل|بچے|بچا|baqi|baaki|bache|bachay|bacha|pending',
    ),
    'pending',
  ],
  [
    wordPattern(
      'completed|complete|done|finished|did i (?:do|finish|complete)|have i (?:done|finished|completed)|مکمل شدہ|مکمل|ہو چکے|ہو گئے|ختم شدہ|mukammal|ho chuke|ho gaye|khatam',
    ),
    'completed',
  ],
  [wordPattern('all|every|everything|سب|تمام|سارے|saare|sare|sab|tamam'), 'all'],
];

const dueWords: [RegExp, NonNullable<ListFilter['due']>][] = [
  [
    wordPattern(
      'overdue|late|past due|missed|behind|expired|تاخیر|تاخیر شدہ|لیٹ|گزر چکی|گزر گئی|اوور ?ڈیو|der se|late hain',
    ),
    'overdue',
  ],
  [wordPattern("today|today's|tonight|due today|آج|aaj|aj"), 'today'],
  [
    wordPattern(
      'this week|next 7 days|next seven days|coming week|week|اس ہفتے|اس ہفتہ|is hafte|iss hafte|is haftay|hafte bhar',
    ),
    'week',
  ],
  [
    wordPattern(
      'no due date|without (?:a )?(?:due )?date|no date|undated|no deadline|بغیر تاریخ|تاریخ کے بغیر|bina date|bagair date|date ke baghair',
    ),
    'none',
  ],
];

const priorityWords: [RegExp, NonNullable<ListFilter['priority']>][] = [
  [wordPattern('low[- ]priority|low|کم ترجیح|کم اہم|kam ahem'), 'low'],
  [wordPattern('medium[- ]priority|medium|normal priority|درمیانی'), 'medium'],
  [
    wordPattern(
      'high[- ]priority|high|urgent|important|critical|فوری|ضروری|اہم|zaroori|zaruri|fori|ahem|aham',
    ),
    'high',
  ],
];

/** Explicit search phrasing; anything looser would turn stray words into a search. */
const searchPatterns: Record<Language, RegExp[]> = {
  en: [
    /\b(?:search(?: for)?|find|look (?:up|for)|containing|mentioning|matching|about|related to|called|named|with the word)\s+["']?(?<q>[^"'?]+?)["']?\s*(?:tasks?|todos?|items?)?\s*\??$/i,
  ],
  ur: [/^(?<q>.+?)\s+(?:والے|والی|والا)\s+(?:کام|ٹاسک)/u, /^(?<q>.+?)\s+(?:کو\s+)?(?:تلاش|ڈھونڈ)/u],
  roman: [
    /^(?<q>.+?)\s+(?:wale|wali|wala|walay)\s+(?:kaam|tasks?)/i,
    /^(?<q>.+?)\s+(?:ko\s+)?(?:talash|dhoon?d|dhund|search)/i,
    /\b(?:search(?: for)?|find)\s+["']?(?<q>[^"'?]+?)["']?\s*$/i,
  ],
};

/** Words that say "tasks" or "my", never a search term. */
const notSearch = wordPattern(
  'tasks?|todos?|items?|my|mere|meri|mera|میرے|میری|میرا|kaam|کام|sab|سب|saare|tamam|تمام|list|لسٹ|فہرست',
  'giu',
);

/** Words that may stand before "tasks" without being a tag ("my", "open", "today's"). */
const notTagWords = new Set(
  'my your the all any some these those of new old other upcoming remaining recent current next last many few show list display see view find tagged what which how do have own priority prio due dated'.split(
    ' ',
  ),
);

/** "show my work tasks": a single unknown word before "tasks" names a tag. */
function tagBeforeNoun(text: string): string | undefined {
  const word = /(?:^|\s)([a-z][a-z0-9_-]*)\s+(?:tasks|todos|to-dos|items)\b/i.exec(text)?.[1];
  if (!word || notTagWords.has(word.toLowerCase()) || isFilterWords(word)) return undefined;
  return word;
}

function isFilterWords(text: string): boolean {
  let rest = text;
  for (const [pattern] of [...statusWords, ...dueWords, ...priorityWords]) {
    rest = rest.replace(new RegExp(pattern.source, 'giu'), ' ');
  }
  return rest.trim() === '';
}

export function extractFilter(text: string, lang: Language): ListFilter {
  const filter: ListFilter = {};
  const tag =
    /(?<![\p{L}\p{N}_])#([\p{L}_-][\p{L}\p{N}_-]*)/u.exec(text)?.[1] ??
    wordPattern(
      'tagged(?: with| as)?\\s+([\\p{L}\\p{N}_-]+)|(?:with )?(?:the )?tag\\s+([\\p{L}\\p{N}_-]+)|ٹیگ\\s+([\\p{L}\\p{N}_-]+)',
    )
      .exec(text)
      ?.slice(1)
      .find(Boolean);
  const named = tag ?? (lang === 'en' ? tagBeforeNoun(text) : undefined);
  if (named) filter.tag = named.toLowerCase();

  const search = searchPatterns[lang].map((p) => p.exec(text)?.groups?.q).find(Boolean);
  const q = search
    ?.replace(notSearch, ' ')
    .replace(/#\S+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /^(?:(?:about|for|with|containing|mentioning|matching|called|named|the|any|all)\s+)+/i,
      '',
    );
  // "تاخیر والے کام" (overdue tasks) has the shape of a search but names a filter.
  if (q && !isFilterWords(q)) filter.q = q;

  // Status and due words inside a search phrase are search words, not filters.
  const scope = filter.q ? text.replace(filter.q, ' ') : text;
  filter.due = dueWords.find(([pattern]) => pattern.test(scope))?.[1];
  filter.priority = priorityWords.find(([pattern]) => pattern.test(scope))?.[1];
  filter.status = statusWords.find(([pattern]) => pattern.test(scope))?.[1];
  if (
    !filter.status &&
    (filter.due === 'overdue' || filter.due === 'today' || filter.due === 'week')
  ) {
    // "What's due today?" asks what is still to do.
    filter.status = 'pending';
  }
  filter.status ??= 'all';
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  ) as ListFilter;
}
