// Urdu-script utterances: the same intents as English, with Urdu dates, times and references.
import { add, complete, KARACHI, list, type Row, remove, reopen, update } from './table.ts';

const pk = (iso: string) => `${iso}+05:00`;
const base = { lang: 'ur', tz: KARACHI } as const;

export const urdu: Row[] = [
  { ...base, say: 'السلام علیکم', calls: [], reply: 'ٹاسک اسسٹنٹ' },
  { ...base, say: 'آپ کیا کر سکتے ہیں؟', calls: [], reply: 'مثالیں' },
  { ...base, say: 'شکریہ', calls: [], reply: 'خوشی ہوئی' },
  { ...base, say: 'موسم کیسا ہے؟', calls: [], reply: 'معذرت' },

  {
    ...base,
    say: 'کل شام 5 بجے دودھ خریدنا شامل کرو',
    calls: [add({ title: 'دودھ خریدنا', due_at: pk('2026-11-22T17:00:00') })],
    state: { 11: { title: 'دودھ خریدنا', due_at: '2026-11-22T12:00:00.000Z' } },
    reply: '"دودھ خریدنا" شامل کر دیا گیا (آخری تاریخ اتوار 22 نومبر، شام 5:00 بجے)۔',
  },
  {
    ...base,
    say: 'آج رات 9 بجے امی کو فون کرنا یاد رکھو',
    calls: [add({ title: 'امی کو فون کرنا', due_at: pk('2026-11-21T21:00:00') })],
  },
  {
    ...base,
    say: 'پرسوں صبح 9 بجے ڈاکٹر کے پاس جانا شامل کرو',
    calls: [add({ title: 'ڈاکٹر کے پاس جانا', due_at: pk('2026-11-23T09:00:00') })],
  },
  {
    ...base,
    say: 'اگلے جمعہ رپورٹ جمع کرانا شامل کرو',
    calls: [add({ title: 'رپورٹ جمع کرانا', due_at: pk('2026-11-27T09:00:00') })],
  },
  {
    ...base,
    say: '3 دن میں بل ادا کرنا شامل کرو',
    calls: [add({ title: 'بل ادا کرنا', due_at: pk('2026-11-24T09:00:00') })],
  },
  {
    ...base,
    say: 'ہر پیر جم جانا شامل کرو',
    calls: [
      add({
        title: 'جم جانا',
        recurrence: { frequency: 'weekly', weekdays: ['mon'], timezone: KARACHI },
        due_at: pk('2026-11-23T09:00:00'),
      }),
    ],
    reply: 'ہر پیر',
  },
  {
    ...base,
    say: 'روزانہ ورزش کرنا یاد رکھو',
    calls: [add({ title: 'ورزش کرنا', recurrence: { frequency: 'daily', timezone: KARACHI } })],
  },
  {
    ...base,
    say: 'دودھ، انڈے اور روٹی شامل کرو',
    calls: [add({ title: 'دودھ' }), add({ title: 'انڈے' }), add({ title: 'روٹی' })],
    reply: '3 کام شامل کر دیے گئے',
  },
  {
    ...base,
    say: 'فوری: بجلی کا بل ادا کرنا شامل کرو',
    calls: [add({ title: 'بجلی کا بل ادا کرنا', priority: 'high' })],
  },
  {
    ...base,
    say: '#گھر صفائی کرنا شامل کرو',
    calls: [add({ title: 'صفائی کرنا', tags: ['گھر'] })],
  },
  {
    ...base,
    tz: 'UTC',
    say: 'کل صبح 10 بجے میٹنگ شامل کرو',
    calls: [add({ title: 'میٹنگ', due_at: '2026-11-22T10:00:00Z' })],
  },

  { ...base, say: 'میرے کام دکھاؤ', calls: [list({ status: 'all' })], reply: 'آپ کے 10 کام' },
  {
    ...base,
    say: 'کیا باقی ہے؟',
    calls: [list({ status: 'pending' })],
    reply: 'آپ کے 9 کام (باقی)',
  },
  { ...base, say: 'مکمل شدہ کام دکھاؤ', calls: [list({ status: 'completed' })], reply: 'Pay rent' },
  { ...base, say: 'آج کے کام دکھاؤ', calls: [list({ due: 'today', status: 'pending' })] },
  { ...base, say: 'اس ہفتے کے کام دکھاؤ', calls: [list({ due: 'week', status: 'pending' })] },
  {
    ...base,
    say: 'تاخیر والے کام دکھاؤ',
    calls: [list({ due: 'overdue', status: 'pending' })],
    reply: 'Call mom (#3) — آخری تاریخ جمعہ 20 نومبر، دوپہر 2:00 بجے، ⚠ تاخیر شدہ',
  },

  {
    ...base,
    say: 'ٹاسک 3 مکمل کرو',
    calls: [complete(3)],
    state: { 3: { completed: true } },
    reply: 'شاباش! "Call mom" مکمل ہو گیا۔',
  },
  {
    ...base,
    say: 'دودھ خریدنا ہو گیا',
    calls: [list({ status: 'pending' }), complete(7)],
    state: { 7: { completed: true } },
  },
  { ...base, say: 'ٹاسک 4 دوبارہ کھولو', calls: [reopen(4)], state: { 4: { completed: false } } },
  { ...base, say: 'ٹاسک 5 حذف کرو', calls: [remove(5)], state: { 5: null } },
  {
    ...base,
    say: 'دودھ والا کام ہٹاؤ',
    calls: [list({ status: 'all' }), remove(7)],
    state: { 7: null },
  },
  {
    ...base,
    say: 'ٹاسک 2 کا نام بدل کر سبزی خریدنا کر دو',
    calls: [update(2, { title: 'سبزی خریدنا' })],
    state: { 2: { title: 'سبزی خریدنا' } },
  },
  {
    ...base,
    say: 'ٹاسک 3 کو اگلے جمعہ پر منتقل کرو',
    calls: [update(3, { due_at: pk('2026-11-27T09:00:00') })],
  },
  {
    ...base,
    say: 'ٹاسک 6 کی تاریخ کل شام 6 بجے کر دو',
    calls: [update(6, { due_at: pk('2026-11-22T18:00:00') })],
  },
  { ...base, say: 'ٹاسک 6 کو فوری بنا دو', calls: [update(6, { priority: 'high' })] },
  { ...base, say: 'ٹاسک 6 کی تاریخ ہٹا دو', calls: [update(6, { due_at: null })] },
  {
    ...base,
    say: 'ٹاسک 6 کو ہر جمعہ دہرانا ہے',
    calls: [
      update(6, { recurrence: { frequency: 'weekly', weekdays: ['fri'], timezone: KARACHI } }),
    ],
  },
  { ...base, say: 'ایک نیا کام شامل کرو: گاڑی دھونا', calls: [add({ title: 'گاڑی دھونا' })] },
  { ...base, say: 'سب کام حذف کرو', calls: [], reply: 'ایک ہی کام' },

  { ...base, before: ['میرے کام دکھاؤ'], say: 'دوسرا والا حذف کرو', calls: [remove(9)] },
  { ...base, before: ['کیا باقی ہے؟'], say: 'آخری والا مکمل کرو', calls: [complete(1)] },
  { ...base, say: 'ٹاسک مکمل کرو', calls: [], reply: 'کون سا کام مکمل کروں؟' },
  { ...base, before: ['ٹاسک مکمل کرو'], say: 'ٹاسک 8', calls: [complete(8)] },
  { ...base, say: 'ٹاسک 42 حذف کرو', calls: [remove(42)], reply: 'ٹاسک 42 نہیں ملا۔' },
  {
    ...base,
    say: 'یوگا کلاس والا کام مکمل کرو',
    calls: [list({ status: 'pending' })],
    reply: 'کوئی کام نہیں ملا',
  },
];
