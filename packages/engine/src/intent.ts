// Understands one user message: what the user wants done, to which tasks, with which values.
import { isCompoundUpdate, parseUpdate } from './changes.ts';
import { buildDraft, combineDrafts, splitTasks } from './drafts.ts';
import { extractFilter } from './filters.ts';
import { fillers, greetings, help, thanks, type Verb, verbs } from './lexicon.ts';
import { isOnlyReference, parseRefs } from './references.ts';
import { normalizeInput, tidy, wordPattern } from './text.ts';
import type { Intent, Language, TaskDraft, TimeContext } from './types.ts';

/** Question words that ask about tasks only when the sentence also mentions tasks. */
const vagueList =
  /^(?:what|what's|whats|what is|what are|what do|what did|what have|what else|which|any|anything|how many|do i have|see|view|give me|tell me)$/i;
const taskTopic = wordPattern(
  'tasks?|todos?|to-?dos?|to do|pending|left|remaining|due|overdue|completed|done|finished|plate|list|agenda|priority|urgent|important|tagged|today|tonight|this week|open|incomplete|reminders?|schedule|planned',
);

/** Without a verb, a short message about tasks or their state is a listing ("overdue tasks?"). */
const listNouns = wordPattern('tasks|todos|to-?dos|list|agenda|کام|ٹاسک|ٹاسکس|فہرست|لسٹ|kaam');
const listStates = wordPattern(
  'pending|overdue|completed|done|finished|باقی|مکمل شدہ|تاخیر|baqi|baaki|mukammal',
);

const questions =
  /\?$|^(?:what|how|why|when|where|who|is|are|can|could|will|should|کیا|کیسے|کب|کیوں|kya|kaise|kab|kyun|kyon)\b/iu;

/** Roman Urdu speakers often start with "yaad rakhna ke …": the add verb leads, the task follows. */
const leadingAdd: Partial<Record<Language, RegExp>> = {
  ur: /^(?:یاد رکھ(?:و|نا|یں|ئیے)|یاد دلا(?:نا|ئیں|ؤ)|نیا کام|نیا ٹاسک|شامل کرو)\s*(?:کہ|:|-)?\s+/u,
  roman:
    /^(?:yaad rakh(?:na|o|ein)?|yaad dila(?:na|o|dena)|naya (?:task|kaam)|add karo|add kar do|add)\s*(?:ke|ki|k|:|-)?\s+/i,
};

/** Leftovers of an action sentence that are neither the verb nor the task. */
const actionNoise =
  /^(?:(?:please|mark|set|i|i've|i have|we|just|already|the task)\s+)+|\s+(?:(?:now|already|please|off|too|as well|has been|have been|is|are|was)\s*)+$/i;

function whole(source: string, text: string): boolean {
  return new RegExp(`^(?:${source})[\\s!.?,]*$`, 'iu').test(text);
}

function stripFillers(text: string, lang: Language): string {
  const source = lang === 'en' ? fillers.en : `${fillers[lang]}|${fillers.en}`;
  const start = new RegExp(`^(?:${source})(?:[\\s,!.]+|$)`, 'iu');
  const end = new RegExp(`(?:^|[\\s,]+)(?:${source})[\\s.!?]*$`, 'iu');
  let previous: string;
  let current = text.trim();
  do {
    previous = current;
    current = current.replace(start, '').replace(end, '').trim();
  } while (current !== previous);
  return current;
}

interface VerbMatch {
  verb: Verb;
  index: number;
  end: number;
}

function findVerbs(text: string, lang: Language): VerbMatch[] {
  const found: VerbMatch[] = [];
  for (const verb of Object.keys(verbs[lang]) as Verb[]) {
    for (const m of text.matchAll(wordPattern(verbs[lang][verb], 'giu'))) {
      if (lang === 'en' && verb === 'list' && vagueList.test(m[0]) && !taskTopic.test(text))
        continue;
      found.push({ verb, index: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}

/**
 * English puts the verb first ("delete the milk task"); Urdu and Roman Urdu put it last
 * ("doodh wala task hatao"). The verb in the expected place wins over words inside titles.
 */
function classify(text: string, lang: Language): Verb | undefined {
  if (leadingAdd[lang]?.test(text)) return 'add';
  const found = findVerbs(text, lang);
  const longer = (a: VerbMatch, b: VerbMatch) => b.end - b.index - (a.end - a.index);
  if (lang === 'en') found.sort((a, b) => a.index - b.index || longer(a, b));
  else found.sort((a, b) => b.end - a.end || longer(a, b));
  return found[0]?.verb;
}

function removeVerb(text: string, lang: Language, verb: Verb): string {
  const pattern = wordPattern(verbs[lang][verb], 'giu');
  if (lang === 'en') {
    // Only the first occurrence is the command; later ones may belong to the title.
    const first = new RegExp(pattern.source, 'iu').exec(text);
    if (!first) return text;
    return tidy(`${text.slice(0, first.index)} ${text.slice(first.index + first[0].length)}`);
  }
  return tidy(text.replace(pattern, ' '));
}

type AddIntent = Extract<Intent, { type: 'add' }>;

function parseAdd(text: string, lang: Language, ctx: TimeContext): AddIntent {
  const lead = leadingAdd[lang];
  const body = lead?.test(text) ? text.replace(lead, '') : removeVerb(text, lang, 'add');
  return { type: 'add', tasks: draftsFrom(body, lang, ctx) };
}

function draftsFrom(body: string, lang: Language, ctx: TimeContext): TaskDraft[] {
  return combineDrafts(splitTasks(body, lang).map((piece) => buildDraft(piece, lang, ctx)));
}

/**
 * A quick-add line: all of it describes tasks, read exactly as the assistant reads the words
 * after "add" (an "add" verb, if typed, is dropped the same way).
 */
export function parseTaskLine(raw: string, lang: Language, ctx: TimeContext): TaskDraft[] {
  const text = stripFillers(normalizeInput(raw), lang);
  if (!text) return [];
  return classify(text, lang) === 'add'
    ? parseAdd(text, lang, ctx).tasks
    : draftsFrom(text, lang, ctx);
}

const postposition: Record<Language, RegExp> = {
  en: /$/,
  ur: /\s(?:کو|کی|کا|کے)\s/u,
  roman: /\s(?:ko|ki|ka|ke)\s/i,
};
const pointer = /(?:والا|والے|والی|wala|wale|wali|walay)(?:\s+(?:کام|ٹاسک|task|kaam))?$/iu;

/** Does the sentence open by naming a task ("ٹاسک 6 کی …", "doodh wala task ko …")? */
function startsWithReference(text: string, lang: Language, numbersArePositions: boolean) {
  const match = postposition[lang].exec(text);
  if (!match) return false;
  const subject = text.slice(0, match.index);
  return pointer.test(subject) || isOnlyReference(subject, lang, numbersArePositions);
}

export interface IntentContext {
  /** A numbered list is on screen, so a bare "2" means its second line. */
  numbersArePositions: boolean;
}

export function parseIntent(
  raw: string,
  lang: Language,
  ctx: TimeContext,
  context: IntentContext,
): Intent {
  const greeting = new RegExp(
    `^(?:${greetings[lang]}|${greetings.en})(?:\\s+(?:there|everyone|bot|assistant|friend|ji|jee))?(?:[\\s,!.]+|$)`,
    'iu',
  );
  const normalized = normalizeInput(raw).replace(greeting, '');
  if (!normalized) return { type: 'help' };
  const text = stripFillers(normalized, lang);
  // Help and thanks are checked before fillers go: "thanks" and "ok" are fillers too.
  for (const candidate of [normalized, text]) {
    if (whole(help[lang], candidate) || whole(help.en, candidate)) return { type: 'help' };
    if (whole(thanks[lang], candidate) || whole(thanks.en, candidate)) return { type: 'thanks' };
  }
  if (!text) return { type: 'unknown' };
  const { numbersArePositions } = context;
  if (isOnlyReference(text, lang, numbersArePositions)) {
    return { type: 'reference', refs: parseRefs(text, lang, numbersArePositions) };
  }
  const verb = isCompoundUpdate(text, lang) ? 'update' : classify(text, lang);
  return verb
    ? parseCommand(text, verb, lang, ctx, numbersArePositions)
    : parseWithoutVerb(text, lang, ctx, numbersArePositions);
}

function parseCommand(
  text: string,
  verb: Verb,
  lang: Language,
  ctx: TimeContext,
  numbersArePositions: boolean,
): Intent {
  switch (verb) {
    case 'add':
      return parseAdd(text, lang, ctx);
    case 'list':
      return { type: 'list', filter: extractFilter(text, lang) };
    case 'update': {
      const { changes, refPhrase } = parseUpdate(text, lang, ctx);
      const refs = parseRefs(refPhrase.replace(actionNoise, ' '), lang, numbersArePositions);
      return { type: 'act', action: 'update', refs, changes };
    }
    default: {
      const phrase = removeVerb(text, lang, verb).replace(actionNoise, ' ');
      const refs = parseRefs(phrase, lang, numbersArePositions);
      return { type: 'act', action: verb, refs, changes: {} };
    }
  }
}

function parseWithoutVerb(
  text: string,
  lang: Language,
  ctx: TimeContext,
  numbersArePositions: boolean,
): Intent {
  if (lang !== 'en' && startsWithReference(text, lang, numbersArePositions)) {
    // "task 6 ki date kal kar do": a named task and new values, with only a generic "do it" verb.
    const { changes, refPhrase } = parseUpdate(text, lang, ctx);
    if (Object.keys(changes).length > 0) {
      const refs = parseRefs(refPhrase, lang, numbersArePositions);
      return { type: 'act', action: 'update', refs, changes };
    }
  }
  const short = text.split(/\s+/).length <= 5;
  if (short && (listNouns.test(text) || listStates.test(text))) {
    return { type: 'list', filter: extractFilter(text, lang) };
  }
  if (!questions.test(text)) {
    // "dentist tomorrow at 5pm": a task with a date, tag or priority needs no "add".
    const implicit = parseAdd(text, lang, ctx);
    const described = (t: TaskDraft) => t.due_at || t.recurrence || t.tags || t.priority;
    if (implicit.tasks.length > 0 && implicit.tasks.every(described)) return implicit;
  }
  return { type: 'unknown' };
}
