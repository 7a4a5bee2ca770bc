// Task references in a phrase: ids ("task 3"), positions ("the second one", دوسرا), "it", titles.
import { tidy, wordPattern } from './text.ts';
import type { Language, TaskRef } from './types.ts';

const ordinals: Record<Language, [string, number][]> = {
  en: [
    ['second[- ](?:to[- ])?last|penultimate', -2],
    ['last|final|bottom', -1],
    ['first|top|1st', 0],
    ['second|2nd', 1],
    ['third|3rd', 2],
    ['fourth|4th', 3],
    ['fifth|5th', 4],
    ['sixth|6th', 5],
    ['seventh|7th', 6],
    ['eighth|8th', 7],
    ['ninth|9th', 8],
    ['tenth|10th', 9],
  ],
  ur: [
    ['آخری', -1],
    ['پہلا|پہلی|پہلے', 0],
    ['دوسرا|دوسری|دوسرے', 1],
    ['تیسرا|تیسری|تیسرے', 2],
    ['چوتھا|چوتھی|چوتھے', 3],
    ['پانچواں|پانچویں|پانچوی', 4],
    ['چھٹا|چھٹی|چھٹے', 5],
    ['ساتواں|ساتویں', 6],
    ['آٹھواں|آٹھویں', 7],
    ['نواں|نویں', 8],
    ['دسواں|دسویں', 9],
  ],
  roman: [
    ['aakhri|akhri|aakhiri|akhiri|last', -1],
    ['pehla|pehli|pehle|pehlay|pahla|pahli|pahle|first', 0],
    ['doosra|dusra|dosra|doosri|dusri|dosri|doosre|dusre|dosre|doosray|second', 1],
    ['teesra|tisra|teesri|tisri|teesre|tisre|third', 2],
    ['chautha|chotha|chauthi|chothi|chauthe|chothe|fourth', 3],
    ['paanchwan|panchwan|panchwa|paanchvi|panchvi|panchwen|fifth', 4],
  ],
};

const pronouns: Record<Language, string> = {
  en: 'it|that|this|that one|this one|the same one|same one|same',
  ur: 'اسے|اس کو|یہ|وہ|اس|یہی|وہی|اسی کو',
  roman: 'ise|isay|isey|isko|is ko|use|usay|usey|usko|us ko|ye|yeh|woh|wo|yehi|wohi|it|that|this',
};

/** "All tasks": the tools act on one task at a time, so this gets its own answer. */
const everything: Record<Language, string> = {
  en: 'all|everything|every task|all of them|them all',
  ur: 'سب|تمام|سارے|سب کے سب',
  roman: 'sab|saare|sare|tamam|sab ke sab|all|everything',
};

/** Words around a reference that point at it without naming it. */
const padding: Record<Language, string> = {
  en: "and|also|too|as well|the|a|an|my|our|your|task|tasks|todo|todos|to-do|item|items|one|ones|entry|reminder|called|named|titled|about|for|to|from|of|list|on|in|off|as|again|back|please|up|with|is|was|it's|that's|i mean|mean|number|no\\.?|yes|yeah|ok|okay|option",
  ur: 'اور|بھی|والا|والی|والے|کام|ٹاسک|کو|کا|کی|کے|میرا|میری|میرے|جو|ذرا|سے|کہ|ہے|نے|میں|فہرست|لسٹ|ہاں|جی|نمبر|پر',
  roman:
    'aur|bhi|wala|wali|wale|walay|kaam|task|tasks|ko|ka|ki|ke|mera|meri|mere|jo|zara|se|hai|ne|mein|main|list|the|please|plz|haan|han|jee|ji|number|no|pe|par|one|wla',
};

const connectors = /\s*(?:,|&|\band\b|\baur\b|(?<![\p{L}])اور(?![\p{L}])|\bor\b)\s*/iu;

const idPattern =
  /(?:\b(?:tasks?|todos?|items?|numbers?|no\.?|ids?)\s*(?:number|no\.?|#)?\s*|#|(?:ٹاسک|کام|نمبر)\s*(?:نمبر)?\s*)(\d+)((?:\s*(?:,|and|&|aur|اور)\s*#?\d+)*)/giu;

function stripPadding(text: string, lang: Language): string {
  const start = new RegExp(`^(?:${padding[lang]})(?:\\s+|$)`, 'iu');
  const end = new RegExp(`(?:^|\\s+)(?:${padding[lang]})$`, 'iu');
  let previous: string;
  let current = tidy(text.replace(/[.!?؟]+/g, ' '));
  do {
    previous = current;
    current = tidy(current.replace(start, '').replace(end, ''));
  } while (current !== previous);
  return current;
}

function ordinalOf(part: string, lang: Language): number | undefined {
  const table = lang === 'en' ? ordinals.en : [...ordinals[lang], ...ordinals.en];
  return table.find(([words]) => wordPattern(`^(?:${words})$`).test(part))?.[1];
}

/** References in a phrase, and whatever words they leave unexplained. */
function readRefs(phrase: string, lang: Language, numbersArePositions: boolean) {
  const ids: TaskRef[] = [];
  const withoutIds = phrase.replace(idPattern, (_whole, first: string, more: string) => {
    for (const id of [first, ...(more.match(/\d+/g) ?? [])]) {
      ids.push({ kind: 'id', id: Number(id) });
    }
    return ' ';
  });
  if (ids.length > 0) return { refs: ids, rest: stripPadding(withoutIds, lang) };

  const cleaned = stripPadding(phrase, lang);
  if (!cleaned) return { refs: [], rest: '' };
  const parts = cleaned.split(connectors).map((part) => stripPadding(part, lang));
  const simple = parts.map((part): TaskRef | undefined => {
    if (/^\d+$/.test(part)) {
      const n = Number(part);
      return numbersArePositions ? { kind: 'position', index: n - 1 } : { kind: 'id', id: n };
    }
    const index = ordinalOf(part, lang);
    if (index !== undefined) return { kind: 'position', index };
    if (wordPattern(`^(?:${pronouns[lang]})$`).test(part)) return { kind: 'it' };
    return undefined;
  });
  if (simple.every((ref) => ref !== undefined)) return { refs: simple as TaskRef[], rest: '' };
  if (wordPattern(`^(?:${everything[lang]})$`).test(cleaned)) {
    return { refs: [{ kind: 'all' } as const], rest: '' };
  }
  return { refs: [{ kind: 'title', text: cleaned } as const], rest: '' };
}

/**
 * The references in a phrase that names task(s). Bare numbers count as positions when the
 * user has a numbered list in front of them, and as task ids otherwise. An explicit id wins
 * over any words around it ("task 3, the milk one").
 */
export function parseRefs(phrase: string, lang: Language, numbersArePositions: boolean): TaskRef[] {
  return readRefs(phrase, lang, numbersArePositions).refs;
}

/** True when the phrase is nothing but references ("2", "the second one", "doosra wala"). */
export function isOnlyReference(phrase: string, lang: Language, numbersArePositions: boolean) {
  const { refs, rest } = readRefs(phrase, lang, numbersArePositions);
  return refs.length > 0 && rest === '' && refs.every((ref) => ref.kind !== 'title');
}
