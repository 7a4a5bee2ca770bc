// Roman Urdu utterances: Urdu written in Latin letters, often mixed with English words.
import { add, complete, KARACHI, list, type Row, remove, reopen, update } from './table.ts';

const pk = (iso: string) => `${iso}+05:00`;
const base = { lang: 'roman', tz: KARACHI } as const;

export const roman: Row[] = [
  { ...base, say: 'assalam o alaikum', calls: [], reply: 'task assistant' },
  { ...base, say: 'tum kya kar sakte ho?', calls: [], reply: 'Misal' },
  { ...base, say: 'shukriya', calls: [], reply: 'Khushi hui' },
  { ...base, say: 'aaj mausam kaisa hai?', calls: [], reply: 'Maazrat' },

  {
    ...base,
    say: 'kal shaam 5 baje doodh lena add karo',
    calls: [add({ title: 'Doodh lena', due_at: pk('2026-11-22T17:00:00') })],
    state: { 11: { title: 'Doodh lena' } },
    reply: '"Doodh lena" add kar diya (due Itwar 22 Nov, shaam 5:00 baje).',
  },
  {
    ...base,
    say: 'subah 9 baje gym jana yaad rakhna',
    calls: [add({ title: 'Gym jana', due_at: pk('2026-11-22T09:00:00') })],
  },
  {
    ...base,
    say: 'parson dentist ke paas jana add karo',
    calls: [add({ title: 'Dentist ke paas jana', due_at: pk('2026-11-23T09:00:00') })],
  },
  {
    ...base,
    say: 'agle jumma report submit karna add karo',
    calls: [add({ title: 'Report submit karna', due_at: pk('2026-11-27T09:00:00') })],
  },
  {
    ...base,
    say: '3 din baad bill pay karna add karo',
    calls: [add({ title: 'Bill pay karna', due_at: pk('2026-11-24T09:00:00') })],
  },
  {
    ...base,
    say: 'har monday team meeting add karo',
    calls: [
      add({
        title: 'Team meeting',
        recurrence: { frequency: 'weekly', weekdays: ['mon'], timezone: KARACHI },
        due_at: pk('2026-11-23T09:00:00'),
      }),
    ],
  },
  {
    ...base,
    say: 'rozana paani peena yaad rakhna',
    calls: [add({ title: 'Paani peena', recurrence: { frequency: 'daily', timezone: KARACHI } })],
    reply: 'rozana',
  },
  {
    ...base,
    say: 'doodh, anday aur double roti add karo',
    calls: [add({ title: 'Doodh' }), add({ title: 'Anday' }), add({ title: 'Double roti' })],
    reply: '3 tasks add kar diye',
  },
  {
    ...base,
    say: 'zaroori: bijli ka bill bharna add karo',
    calls: [add({ title: 'Bijli ka bill bharna', priority: 'high' })],
  },
  {
    ...base,
    say: '#ghar safai karna add karo',
    calls: [add({ title: 'Safai karna', tags: ['ghar'] })],
  },
  {
    ...base,
    tz: 'UTC',
    say: 'kal subah 10 baje meeting add karo',
    calls: [add({ title: 'Meeting', due_at: '2026-11-22T10:00:00Z' })],
  },
  {
    ...base,
    say: 'yaad rakhna ke agle jummay ammi ko call karna hai',
    calls: [add({ title: 'Ammi ko call karna', due_at: pk('2026-11-27T09:00:00') })],
  },

  { ...base, say: 'mere tasks dikhao', calls: [list({ status: 'all' })], reply: 'Aap ke 10 tasks' },
  {
    ...base,
    say: 'kya baqi hai?',
    calls: [list({ status: 'pending' })],
    reply: 'Aap ke 9 tasks (baqi)',
  },
  { ...base, say: 'mukammal tasks dikhao', calls: [list({ status: 'completed' })] },
  { ...base, say: 'aaj ke kaam dikhao', calls: [list({ due: 'today', status: 'pending' })] },
  { ...base, say: 'is hafte ke tasks dikhao', calls: [list({ due: 'week', status: 'pending' })] },
  { ...base, say: 'overdue tasks dikhao', calls: [list({ due: 'overdue', status: 'pending' })] },

  {
    ...base,
    say: 'task 3 ho gaya',
    calls: [complete(3)],
    state: { 3: { completed: true } },
    reply: 'Shabash! "Call mom" mukammal ho gaya.',
  },
  {
    ...base,
    say: 'ammi wala task ho gaya',
    calls: [list({ status: 'pending' }), complete(10)],
    state: { 10: { completed: true } },
  },
  { ...base, say: 'task 4 dobara kholo', calls: [reopen(4)], state: { 4: { completed: false } } },
  { ...base, say: 'task 5 delete karo', calls: [remove(5)], state: { 5: null } },
  {
    ...base,
    say: 'doctor wala task hatao',
    calls: [list({ status: 'all' }), remove(8)],
    state: { 8: null, 9: {} },
  },
  {
    ...base,
    say: 'task 2 ka naam badal ke sabzi lena kar do',
    calls: [update(2, { title: 'Sabzi lena' })],
    reply: 'Naam badal kar "Sabzi lena" kar diya.',
  },
  {
    ...base,
    say: 'task 3 ko agle jumma pe shift karo',
    calls: [update(3, { due_at: pk('2026-11-27T09:00:00') })],
  },
  {
    ...base,
    say: 'task 6 ki date kal shaam 6 baje kar do',
    calls: [update(6, { due_at: pk('2026-11-22T18:00:00') })],
  },
  { ...base, say: 'task 1 ki priority high kar do', calls: [update(1, { priority: 'high' })] },
  { ...base, say: 'task 6 ki date hata do', calls: [update(6, { due_at: null })] },
  {
    ...base,
    say: 'report wale task ki date agle monday kar do',
    calls: [list({ status: 'all' }), update(6, { due_at: pk('2026-11-23T09:00:00') })],
  },
  {
    ...base,
    say: 'task 9 ko #clinic tag lagao',
    calls: [list({ status: 'all' }), update(9, { tags: ['health', 'clinic'] })],
  },
  {
    ...base,
    say: 'har jumma ko masjid jana add karo',
    calls: [
      add({
        title: 'Masjid jana',
        recurrence: { frequency: 'weekly', weekdays: ['fri'], timezone: KARACHI },
        due_at: pk('2026-11-27T09:00:00'),
      }),
    ],
  },
  { ...base, say: 'sab delete kar do', calls: [], reply: 'ek hi task' },

  { ...base, before: ['mere tasks dikhao'], say: 'doosra wala delete karo', calls: [remove(9)] },
  {
    ...base,
    say: 'appointment wala task delete karo',
    calls: [list({ status: 'all' })],
    reply: 'Kaun sa delete karun?',
  },
  {
    ...base,
    before: ['appointment wala task delete karo'],
    say: 'pehla wala',
    calls: [remove(9)],
    state: { 9: null, 8: {} },
  },
  { ...base, say: 'task 42 mita do', calls: [remove(42)], reply: 'Task 42 nahi mila.' },
  {
    ...base,
    say: 'yoga wala task ho gaya',
    calls: [list({ status: 'pending' })],
    reply: 'jaisa koi task nahi mila',
  },
];
