// Finds the tasks a title reference means, tolerating small typos, and reports ambiguity.
import { matchTokens, wordSimilarity } from './text.ts';
import type { TaskRecord } from './types.ts';

export type MatchResult =
  | { kind: 'one'; task: TaskRecord }
  | { kind: 'none' }
  | { kind: 'many'; tasks: TaskRecord[] };

/** Words too common to tell tasks apart. */
const stopwords = new Set([
  'the',
  'a',
  'an',
  'my',
  'to',
  'of',
  'for',
  'and',
  'ko',
  'ka',
  'ki',
  'ke',
  'کو',
  'کا',
  'کی',
  'کے',
]);

/** Below this average word similarity a title is not what the user meant. */
const FUZZY_THRESHOLD = 0.75;
/** A fuzzy winner must lead the runner-up by this much, or the user is asked. */
const FUZZY_MARGIN = 0.1;

function meaningful(text: string): string[] {
  const tokens = matchTokens(text);
  const kept = tokens.filter((token) => !stopwords.has(token));
  return kept.length > 0 ? kept : tokens;
}

/** Average, over the words of `from`, of each word's closest counterpart in `to`. */
function coverage(from: string[], to: string[]): number[] {
  return from.map((word) => Math.max(...to.map((candidate) => wordSimilarity(word, candidate))));
}

/**
 * 3 = same words, 2 = every query word present, 1..2 = fuzzy, 0 = unrelated. Fuzzy titles
 * qualify on how well the query's words are found, and rank on how much of the title is
 * covered too, so "buy mlik" prefers "Buy milk" to "Buy milk powder".
 */
function score(query: string[], title: string[]): number {
  if (query.length === 0 || title.length === 0) return 0;
  if (query.join(' ') === title.join(' ')) return 3;
  if (query.every((word) => title.includes(word))) return 2;
  if (title.every((word) => query.includes(word)) && title.length >= 2) return 2;
  const found = coverage(query, title);
  // A query word with no counterpart at all rules the title out.
  if (found.some((similarity) => similarity < 0.5)) return 0;
  const queryAverage = average(found);
  if (queryAverage < FUZZY_THRESHOLD) return 0;
  return 1 + (queryAverage + average(coverage(title, query))) / 2;
}

function average(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function matchTitle(query: string, tasks: TaskRecord[]): MatchResult {
  const words = meaningful(query);
  const scored = tasks
    .map((task) => ({ task, score: score(words, meaningful(task.title)) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best] = scored;
  if (!best) return { kind: 'none' };
  const tier = best.score >= 2 ? Math.floor(best.score) : undefined;
  const contenders =
    tier !== undefined
      ? scored.filter((entry) => Math.floor(entry.score) === tier)
      : scored.filter((entry) => entry.score >= best.score - FUZZY_MARGIN);
  if (contenders.length === 1) return { kind: 'one', task: best.task };
  return { kind: 'many', tasks: contenders.map((entry) => entry.task) };
}
