// English utterances: help, adding, listing, completing, reopening, deleting, updating, references.
import type { Weekday } from '@todo-chatbot/contract/vocabulary';
import { add, complete, KARACHI, list, type Row, remove, reopen, update } from './table.ts';

const utc = (iso: string) => `${iso}Z`;
const weekly = (...weekdays: Weekday[]) => ({
  frequency: 'weekly' as const,
  weekdays,
  timezone: 'UTC',
});

export const english: Row[] = [
  // Greetings, help and things it cannot do.
  { lang: 'en', say: 'hi', calls: [], reply: 'I can add' },
  { lang: 'en', say: 'what can you do?', calls: [], reply: 'I can add' },
  { lang: 'en', say: 'help', calls: [], reply: 'Try:' },
  { lang: 'en', say: 'thanks!', calls: [], reply: "You're welcome" },
  { lang: 'en', say: "what's the weather in London?", calls: [], reply: "can't help" },
  { lang: 'en', say: 'book me a flight to Paris', calls: [], reply: "can't help" },
  { lang: 'en', say: 'tell me a joke', calls: [], reply: "can't help" },
  { lang: 'en', say: 'hello there', calls: [], reply: 'I can add' },
  { lang: 'en', say: 'hi, add buy milk', calls: [add({ title: 'Buy milk' })] },
  { lang: 'en', say: 'erase all tasks', calls: [], reply: 'one task at a time' },

  // Adding: dates, times, priorities, tags, recurrence, several tasks, clean titles.
  {
    lang: 'en',
    say: 'Buy milk tomorrow at 6pm #home',
    calls: [add({ title: 'Buy milk', tags: ['home'], due_at: utc('2026-11-22T18:00:00') })],
    state: { 11: { title: 'Buy milk', tags: ['home'], due_at: '2026-11-22T18:00:00.000Z' } },
    reply: 'Added "Buy milk" (due Sun 22 Nov, 6:00 PM, #home).',
  },
  {
    lang: 'en',
    tz: KARACHI,
    say: 'add buy eggs tomorrow at 6pm #home',
    calls: [add({ title: 'Buy eggs', tags: ['home'], due_at: '2026-11-22T18:00:00+05:00' })],
    state: { 11: { due_at: '2026-11-22T13:00:00.000Z' } },
    reply: 'due Sun 22 Nov, 6:00 PM',
  },
  {
    lang: 'en',
    say: 'remind me to call the bank next Friday',
    calls: [add({ title: 'Call the bank', due_at: utc('2026-11-27T09:00:00') })],
  },
  {
    lang: 'en',
    say: 'add submit taxes in 3 days',
    calls: [add({ title: 'Submit taxes', due_at: utc('2026-11-24T09:00:00') })],
  },
  {
    lang: 'en',
    say: "please add pay electricity bill, it's urgent",
    calls: [add({ title: 'Pay electricity bill', priority: 'high' })],
    state: { 11: { priority: 'high' } },
  },
  {
    lang: 'en',
    say: 'add high priority task to finish the slides',
    calls: [add({ title: 'Finish the slides', priority: 'high' })],
  },
  {
    lang: 'en',
    say: 'create a low priority task: water the plants',
    calls: [add({ title: 'Water the plants', priority: 'low' })],
  },
  {
    lang: 'en',
    say: 'add water the plants every Monday',
    calls: [
      add({
        title: 'Water the plants',
        recurrence: weekly('mon'),
        due_at: utc('2026-11-23T09:00:00'),
      }),
    ],
    reply: 'repeats every Mon',
  },
  {
    lang: 'en',
    say: 'add take vitamins daily',
    calls: [add({ title: 'Take vitamins', recurrence: { frequency: 'daily', timezone: 'UTC' } })],
  },
  {
    lang: 'en',
    say: 'add standup meeting every weekday at 9am',
    calls: [
      add({
        title: 'Standup meeting',
        recurrence: weekly('mon', 'tue', 'wed', 'thu', 'fri'),
        due_at: utc('2026-11-23T09:00:00'),
      }),
    ],
  },
  {
    lang: 'en',
    say: 'add pay the phone bill monthly',
    calls: [
      add({ title: 'Pay the phone bill', recurrence: { frequency: 'monthly', timezone: 'UTC' } }),
    ],
  },
  {
    lang: 'en',
    say: 'add back up the laptop every 3 days',
    calls: [
      add({
        title: 'Back up the laptop',
        recurrence: { frequency: 'every_n_days', interval: 3, timezone: 'UTC' },
      }),
    ],
  },
  {
    lang: 'en',
    say: 'add milk, eggs and bread',
    calls: [add({ title: 'Milk' }), add({ title: 'Eggs' }), add({ title: 'Bread' })],
    state: { 11: { title: 'Milk' }, 12: { title: 'Eggs' }, 13: { title: 'Bread' } },
    reply: 'Added 3 tasks',
  },
  {
    lang: 'en',
    say: 'add call mom tomorrow and pay rent on friday',
    calls: [
      add({ title: 'Call mom', due_at: utc('2026-11-22T09:00:00') }),
      add({ title: 'Pay rent', due_at: utc('2026-11-27T09:00:00') }),
    ],
  },
  {
    lang: 'en',
    say: 'I need to renew my passport',
    calls: [add({ title: 'Renew my passport' })],
  },
  {
    lang: 'en',
    say: 'can you add book dentist appointment for next monday at 3pm tag it health',
    calls: [
      add({
        title: 'Book dentist appointment',
        tags: ['health'],
        due_at: utc('2026-11-23T15:00:00'),
      }),
    ],
  },
  {
    lang: 'en',
    say: "add 'Read chapter 4' tagged as study",
    calls: [add({ title: 'Read chapter 4', tags: ['study'] })],
  },
  {
    lang: 'en',
    say: 'add buy flowers tonight',
    calls: [add({ title: 'Buy flowers', due_at: utc('2026-11-21T20:00:00') })],
  },
  {
    lang: 'en',
    say: 'add call the plumber at 5',
    calls: [add({ title: 'Call the plumber', due_at: utc('2026-11-21T17:00:00') })],
  },
  {
    lang: 'en',
    say: 'add team lunch on dec 5 at 12:30pm',
    calls: [add({ title: 'Team lunch', due_at: utc('2026-12-05T12:30:00') })],
  },
  {
    lang: 'en',
    say: 'add prepare slides with note: include Q3 numbers',
    calls: [add({ title: 'Prepare slides', description: 'include Q3 numbers' })],
    state: { 11: { description: 'include Q3 numbers' } },
  },
  {
    lang: 'en',
    say: 'add these: buy stamps; post the letter',
    calls: [add({ title: 'Buy stamps' }), add({ title: 'Post the letter' })],
  },
  {
    lang: 'en',
    say: 'remember to water the plants the day after tomorrow',
    calls: [add({ title: 'Water the plants', due_at: utc('2026-11-23T09:00:00') })],
  },
  {
    lang: 'en',
    say: 'add call grandma in 2 hours',
    calls: [add({ title: 'Call grandma', due_at: utc('2026-11-21T12:00:00') })],
  },
  { lang: 'en', say: 'add', calls: [], reply: 'What should I add?' },
  {
    lang: 'en',
    say: 'add buy salt and pepper',
    calls: [add({ title: 'Buy salt and pepper' })],
  },
  {
    lang: 'en',
    say: 'dentist checkup next tuesday at 4pm',
    calls: [add({ title: 'Dentist checkup', due_at: utc('2026-11-24T16:00:00') })],
  },
  {
    lang: 'en',
    tz: KARACHI,
    say: 'add pay bills today',
    calls: [add({ title: 'Pay bills', due_at: '2026-11-21T23:59:00+05:00' })],
  },
  {
    lang: 'en',
    say: 'add file the expense report by friday #work',
    calls: [
      add({ title: 'File the expense report', tags: ['work'], due_at: utc('2026-11-27T09:00:00') }),
    ],
  },
  {
    lang: 'en',
    say: 'add yoga every tuesday and thursday at 7am',
    calls: [
      add({ title: 'Yoga', recurrence: weekly('tue', 'thu'), due_at: utc('2026-11-24T07:00:00') }),
    ],
  },

  // Listing with filters.
  {
    lang: 'en',
    say: 'show my tasks',
    calls: [list({ status: 'all' })],
    reply: 'Here are your 10 tasks',
  },
  {
    lang: 'en',
    say: "what's pending?",
    calls: [list({ status: 'pending' })],
    reply: 'Here are your 9 tasks (pending)',
  },
  {
    lang: 'en',
    say: 'show completed tasks',
    calls: [list({ status: 'completed' })],
    reply: 'Pay rent',
  },
  {
    lang: 'en',
    say: "what's overdue?",
    calls: [list({ due: 'overdue', status: 'pending' })],
    reply: '1. Call mom (#3)',
  },
  {
    lang: 'en',
    say: "what's due today?",
    calls: [list({ due: 'today', status: 'pending' })],
    reply: 'Buy groceries',
  },
  {
    lang: 'en',
    say: 'what do I have this week?',
    calls: [list({ due: 'week', status: 'pending' })],
    reply: 'Finish report (#6) — due Tue 24 Nov, 9:00 AM, high priority, #work',
  },
  {
    lang: 'en',
    say: 'show #work tasks',
    calls: [list({ tag: 'work', status: 'all' })],
    reply: 'Finish report',
  },
  {
    lang: 'en',
    say: 'list tasks tagged health',
    calls: [list({ tag: 'health', status: 'all' })],
    reply: 'Dentist appointment',
  },
  {
    lang: 'en',
    say: 'show high priority tasks',
    calls: [list({ priority: 'high', status: 'all' })],
    reply: 'Pay rent (#4) — high priority, #bills, ✓ done',
  },
  {
    lang: 'en',
    say: 'search for milk',
    calls: [list({ q: 'milk', status: 'all' })],
    reply: 'Buy milk powder',
  },
  { lang: 'en', say: 'find tasks about dentist', calls: [list({ q: 'dentist', status: 'all' })] },
  {
    lang: 'en',
    say: 'show pending tasks with no due date',
    calls: [list({ due: 'none', status: 'pending' })],
  },
  {
    lang: 'en',
    say: 'any urgent tasks left?',
    calls: [list({ priority: 'high', status: 'pending' })],
    reply: 'Finish report',
  },
  { lang: 'en', say: 'how many tasks do I have?', calls: [list({ status: 'all' })] },
  {
    lang: 'en',
    say: 'show tasks tagged gardening',
    calls: [list({ tag: 'gardening', status: 'all' })],
    reply: 'No tasks found (#gardening).',
  },
  { lang: 'en', say: 'pending tasks', calls: [list({ status: 'pending' })] },
  { lang: 'en', say: 'list my work tasks', calls: [list({ tag: 'work', status: 'all' })] },

  // Completing by id, by title (with typos), ambiguity, not found.
  {
    lang: 'en',
    say: 'complete task 3',
    calls: [complete(3)],
    state: { 3: { completed: true } },
    reply: 'Done! Marked "Call mom" as complete.',
  },
  {
    lang: 'en',
    say: 'mark task 6 as done',
    calls: [complete(6)],
    state: { 6: { completed: true } },
  },
  { lang: 'en', say: '#2 is done', calls: [complete(2)], state: { 2: { completed: true } } },
  {
    lang: 'en',
    say: 'I finished the report',
    calls: [list({ status: 'pending' }), complete(6)],
    state: { 6: { completed: true } },
  },
  {
    lang: 'en',
    say: 'mark buy mlik as done',
    calls: [list({ status: 'pending' }), complete(1)],
    state: { 1: { completed: true }, 5: { completed: false } },
  },
  {
    lang: 'en',
    say: 'done with the groceries task',
    calls: [list({ status: 'pending' }), complete(2)],
  },
  {
    lang: 'en',
    say: 'mark the milk task as done',
    calls: [list({ status: 'pending' })],
    state: { 1: { completed: false }, 5: { completed: false } },
    reply: 'Which one should I mark as done?\n1. Buy milk powder (#5)',
  },
  {
    lang: 'en',
    before: ['mark the milk task as done'],
    say: '2',
    calls: [complete(1)],
    state: { 1: { completed: true }, 5: { completed: false } },
  },
  { lang: 'en', say: 'check off task 8', calls: [complete(8)] },
  { lang: 'en', say: 'complete tasks 1 and 2', calls: [complete(1), complete(2)] },
  {
    lang: 'en',
    say: 'mark the yoga class as done',
    calls: [list({ status: 'pending' })],
    reply: 'I couldn\'t find a task matching "yoga class".',
  },
  {
    lang: 'en',
    say: 'complete task 42',
    calls: [complete(42)],
    reply: "I couldn't find task 42.",
  },
  {
    lang: 'en',
    say: 'finish the dentist apointment',
    calls: [list({ status: 'pending' }), complete(9)],
  },

  // Reopening.
  {
    lang: 'en',
    say: 'reopen task 4',
    calls: [reopen(4)],
    state: { 4: { completed: false } },
    reply: 'Reopened "Pay rent"',
  },
  {
    lang: 'en',
    say: 'mark pay rent as not done',
    calls: [list({ status: 'completed' }), reopen(4)],
  },
  { lang: 'en', say: 'undo task 4', calls: [reopen(4)] },

  // Deleting.
  {
    lang: 'en',
    say: 'delete task 5',
    calls: [remove(5)],
    state: { 5: null },
    reply: 'Deleted "Buy milk powder".',
  },
  {
    lang: 'en',
    say: 'remove the dentist appointment',
    calls: [list({ status: 'all' }), remove(9)],
    state: { 9: null, 8: {} },
  },
  { lang: 'en', say: 'cancel the doctor appointment', calls: [list({ status: 'all' }), remove(8)] },
  {
    lang: 'en',
    say: 'delete the appointment',
    calls: [list({ status: 'all' })],
    state: { 8: {}, 9: {} },
    reply: 'I found 2 tasks matching "appointment". Which one should I delete?',
  },
  {
    lang: 'en',
    before: ['delete the appointment'],
    say: 'the second one',
    calls: [remove(8)],
    state: { 8: null, 9: {} },
  },
  { lang: 'en', before: ['delete the appointment'], say: '1', calls: [remove(9)] },
  {
    lang: 'en',
    say: 'delete the yoga task',
    calls: [list({ status: 'all' })],
    reply: 'I couldn\'t find a task matching "yoga".',
  },
  { lang: 'en', say: 'get rid of buy milk powder', calls: [list({ status: 'all' }), remove(5)] },

  // Updating: rename, due date, priority, tags, recurrence, description.
  {
    lang: 'en',
    say: 'rename task 2 to Buy vegetables',
    calls: [update(2, { title: 'Buy vegetables' })],
    state: { 2: { title: 'Buy vegetables' } },
    reply: 'Renamed to "Buy vegetables".',
  },
  {
    lang: 'en',
    say: 'change the title of the report task to Finish Q3 report',
    calls: [list({ status: 'all' }), update(6, { title: 'Finish Q3 report' })],
  },
  {
    lang: 'en',
    say: 'move task 3 to next friday at 5pm',
    calls: [update(3, { due_at: utc('2026-11-27T17:00:00') })],
    state: { 3: { due_at: '2026-11-27T17:00:00.000Z' } },
    reply: 'Updated "Call mom": due Fri 27 Nov, 5:00 PM.',
  },
  {
    lang: 'en',
    say: 'reschedule the dentist appointment to tomorrow at 10am',
    calls: [list({ status: 'all' }), update(9, { due_at: utc('2026-11-22T10:00:00') })],
  },
  {
    lang: 'en',
    say: 'postpone finish report until monday',
    calls: [list({ status: 'all' }), update(6, { due_at: utc('2026-11-23T09:00:00') })],
  },
  { lang: 'en', say: 'set task 1 priority to high', calls: [update(1, { priority: 'high' })] },
  { lang: 'en', say: 'make task 5 low priority', calls: [update(5, { priority: 'low' })] },
  {
    lang: 'en',
    say: 'change the priority of buy groceries to medium',
    calls: [list({ status: 'all' }), update(2, { priority: 'medium' })],
  },
  {
    lang: 'en',
    say: 'tag task 8 with clinic',
    calls: [list({ status: 'all' }), update(8, { tags: ['health', 'clinic'] })],
    state: { 8: { tags: ['health', 'clinic'] } },
  },
  {
    lang: 'en',
    say: 'add tag errands to task 1',
    calls: [list({ status: 'all' }), update(1, { tags: ['home', 'errands'] })],
  },
  {
    lang: 'en',
    say: 'remove the due date from task 3',
    calls: [update(3, { due_at: null })],
    state: { 3: { due_at: null } },
    reply: 'no due date',
  },
  {
    lang: 'en',
    say: 'make task 6 repeat every friday',
    calls: [update(6, { recurrence: weekly('fri') })],
  },
  { lang: 'en', say: 'stop repeating task 6', calls: [update(6, { recurrence: null })] },
  { lang: 'en', say: 'change task 2', calls: [], reply: 'What should I change about task 2?' },
  {
    lang: 'en',
    say: 'change the description of task 6 to include charts',
    calls: [update(6, { description: 'include charts' })],
  },
  {
    lang: 'en',
    tz: KARACHI,
    say: 'move the doctor appointment to tomorrow 5pm',
    calls: [list({ status: 'all' }), update(8, { due_at: '2026-11-22T17:00:00+05:00' })],
  },

  // References by position and pronoun, across turns.
  {
    lang: 'en',
    before: ['add buy stamps'],
    say: 'delete it',
    calls: [remove(11)],
    state: { 11: null },
  },
  { lang: 'en', before: ['show my tasks'], say: 'delete the second one', calls: [remove(9)] },
  {
    lang: 'en',
    before: ['show my tasks'],
    say: 'mark the last one as done',
    calls: [complete(1)],
  },
  { lang: 'en', before: ["what's pending?"], say: 'complete the third one', calls: [complete(8)] },
  {
    lang: 'en',
    before: ['show high priority tasks'],
    say: '2',
    calls: [],
    reply: 'What would you like to do with "Pay rent"?',
  },
  {
    lang: 'en',
    before: ['show my tasks'],
    say: 'rename the first one to Buy oat milk',
    calls: [update(10, { title: 'Buy oat milk' })],
  },
  {
    lang: 'en',
    say: 'delete the second one',
    calls: [list({ status: 'all' }), remove(9)],
  },
  { lang: 'en', say: 'delete', calls: [], reply: 'Which task should I delete?' },
  { lang: 'en', before: ['delete'], say: 'task 5', calls: [remove(5)] },
  { lang: 'en', before: ['delete the appointment'], say: 'the first one', calls: [remove(9)] },
  { lang: 'en', before: ['show completed tasks'], say: 'reopen the first one', calls: [reopen(4)] },
  { lang: 'en', before: ['complete task 3'], say: 'and task 5', calls: [complete(5)] },
  {
    lang: 'en',
    say: 'put dentist on my list for tomorrow',
    calls: [add({ title: 'Dentist', due_at: utc('2026-11-22T09:00:00') })],
  },
  {
    lang: 'en',
    before: ['rename the milk task to Oat milk'],
    say: '1',
    calls: [update(5, { title: 'Oat milk' })],
    state: { 5: { title: 'Oat milk' }, 1: { title: 'Buy milk' } },
  },
];
