// The engine's sentences in English, Urdu and Roman Urdu.
import type { Action, Language, TaskRef } from './types.ts';

export interface Messages {
  help: string;
  thanks: string;
  cannotDo: string;
  askWhatToAdd: string;
  askWhich(action: Action): string;
  /** `task` is a quoted title, or taskLabel(id) when only the id is known. */
  askWhatToChange(task: string): string;
  whatToDo(task: string): string;
  taskLabel(id: number): string;
  added(title: string, details: string[]): string;
  addedMany(lines: string[]): string;
  done(action: Action, title: string, details: string[]): string;
  notFound(ref: TaskRef): string;
  failed(error: string): string;
  giveUp: string;
  /** A message naming more new tasks, or more tasks to act on, than one turn may handle. */
  tooManyTasks(count: number, max: number): string;
  tooManyActions(count: number, max: number): string;
  clarify(query: string, lines: string[], action: Action): string;
  listHeading(count: number, filter: string): string;
  listEmpty(filter: string): string;
  renamed(title: string, details: string[]): string;
  /** Phrases describing changed and cleared fields in an update confirmation. */
  due: string;
  noDueDate: string;
  noRepeat: string;
  described: string;
}

const bullets = (lines: string[]) => lines.map((line) => `• ${line}`).join('\n');
const paren = (details: string[], separator = ', ') =>
  details.length > 0 ? ` (${details.join(separator)})` : '';

const enVerb: Record<Action, string> = {
  complete: 'mark as done',
  reopen: 'reopen',
  delete: 'delete',
  update: 'change',
};

const en: Messages = {
  help: [
    "Hi! I'm your task assistant. I can add, list, complete, reopen, change and delete tasks. Try:",
    bullets([
      'add buy milk tomorrow at 6pm #home',
      'add call mom, pay rent on friday and book flights',
      "what's pending? · show overdue tasks · show #work tasks",
      'mark buy milk as done · complete task 3',
      'move the dentist task to next friday · rename task 2 to Call dad',
      'delete the second one',
    ]),
    'I also understand Urdu (اردو) and Roman Urdu.',
  ].join('\n'),
  thanks: "You're welcome! Anything else I can do for your tasks?",
  cannotDo:
    'Sorry, I can\'t help with that: I can only manage your to-do list. Try "add buy milk tomorrow", "what\'s pending?" or "mark task 3 as done".',
  askWhatToAdd: 'What should I add? For example: "add buy milk tomorrow at 6pm".',
  askWhich: (action) =>
    `Which task should I ${enVerb[action]}? Say "task 3", part of its title, or "the second one".`,
  askWhatToChange: (task) =>
    `What should I change about ${task}? You can rename it, move its due date, or set its priority or tags.`,
  whatToDo: (task) =>
    `What would you like to do with ${task}? I can mark it done, reopen it, change it or delete it.`,
  taskLabel: (id) => `task ${id}`,
  added: (title, details) => `Added "${title}"${paren(details)}.`,
  addedMany: (lines) => `Added ${lines.length} tasks:\n${bullets(lines)}`,
  done: (action, title, details) =>
    ({
      complete: `Done! Marked "${title}" as complete.`,
      reopen: `Reopened "${title}": it's pending again.`,
      delete: `Deleted "${title}".`,
      update: `Updated "${title}"${details.length > 0 ? `: ${details.join(', ')}` : ''}.`,
    })[action],
  notFound: (ref) => {
    switch (ref.kind) {
      case 'id':
        return `I couldn't find task ${ref.id}.`;
      case 'title':
        return `I couldn't find a task matching "${ref.text}".`;
      case 'position':
        return `There's no task number ${ref.index + 1} in the last list.`;
      case 'all':
        return 'I can only do that one task at a time. Which task do you mean? For example "task 3".';
      case 'it':
        return "I'm not sure which task you mean. Tell me its number or title.";
    }
  },
  failed: (error) => `Sorry, that didn't work: ${error}`,
  giveUp: "Sorry, I couldn't finish that. Please try again, one request at a time.",
  tooManyTasks: (count, max) =>
    `That's ${count} tasks; I can add up to ${max} at once, so I haven't added any. Please send them in groups of ${max} or fewer.`,
  tooManyActions: (count, max) =>
    `That's ${count} tasks to change; I can change up to ${max} in one message, so I haven't changed any. Please name ${max} or fewer at a time.`,
  clarify: (query, lines, action) =>
    `I found ${lines.length} tasks matching "${query}". Which one should I ${enVerb[action]}?\n${lines.join('\n')}\nReply with the number (for example "1").`,
  listHeading: (count, filter) =>
    `${count === 1 ? 'Here is your task' : `Here are your ${count} tasks`}${filter ? ` (${filter})` : ''}:`,
  listEmpty: (filter) =>
    filter
      ? `No tasks found (${filter}).`
      : 'Your list is empty. Add one with "add buy milk tomorrow".',
  renamed: (title, details) =>
    `Renamed to "${title}"${details.length > 0 ? `: ${details.join(', ')}` : ''}.`,
  due: 'due',
  noDueDate: 'no due date',
  noRepeat: 'no longer repeats',
  described: 'description updated',
};

const urVerb: Record<Action, string> = {
  complete: 'مکمل کروں',
  reopen: 'دوبارہ کھولوں',
  delete: 'حذف کروں',
  update: 'تبدیل کروں',
};

const ur: Messages = {
  help: [
    'السلام علیکم! میں آپ کا ٹاسک اسسٹنٹ ہوں۔ میں کام شامل کر سکتا ہوں، دکھا سکتا ہوں، مکمل کر سکتا ہوں، دوبارہ کھول سکتا ہوں، تبدیل اور حذف کر سکتا ہوں۔ مثالیں:',
    bullets([
      'کل شام 5 بجے دودھ خریدنا شامل کرو',
      'کیا باقی ہے؟',
      'ٹاسک 3 مکمل کرو',
      'دودھ والا کام حذف کرو',
      'ٹاسک 2 کو اگلے جمعہ پر منتقل کرو',
    ]),
  ].join('\n'),
  thanks: 'خوشی ہوئی! کچھ اور کام ہو تو بتائیں۔',
  cannotDo:
    'معذرت، یہ میں نہیں کر سکتا، میں صرف آپ کے کاموں کی فہرست سنبھالتا ہوں۔ مثلاً کہیں: "کل دودھ خریدنا شامل کرو" یا "کیا باقی ہے؟"',
  askWhatToAdd: 'کیا شامل کروں؟ مثلاً: "کل شام 5 بجے دودھ خریدنا شامل کرو"۔',
  askWhich: (action) =>
    `کون سا کام ${urVerb[action]}؟ ٹاسک نمبر (جیسے "ٹاسک 3")، اس کا نام یا "دوسرا والا" بتائیں۔`,
  askWhatToChange: (task) => `${task} میں کیا تبدیل کروں؟ نام، تاریخ، ترجیح یا ٹیگ بتائیں۔`,
  whatToDo: (task) => `${task} کے ساتھ کیا کروں؟ مکمل، دوبارہ کھولنا، تبدیل یا حذف؟`,
  taskLabel: (id) => `ٹاسک ${id}`,
  added: (title, details) => `"${title}" شامل کر دیا گیا${paren(details, '، ')}۔`,
  addedMany: (lines) => `${lines.length} کام شامل کر دیے گئے:\n${bullets(lines)}`,
  done: (action, title, details) =>
    ({
      complete: `شاباش! "${title}" مکمل ہو گیا۔`,
      reopen: `"${title}" دوبارہ کھول دیا گیا، اب یہ باقی ہے۔`,
      delete: `"${title}" حذف کر دیا گیا۔`,
      update: `"${title}" تبدیل کر دیا گیا${details.length > 0 ? `: ${details.join('، ')}` : ''}۔`,
    })[action],
  notFound: (ref) => {
    switch (ref.kind) {
      case 'id':
        return `ٹاسک ${ref.id} نہیں ملا۔`;
      case 'title':
        return `"${ref.text}" سے ملتا جلتا کوئی کام نہیں ملا۔`;
      case 'position':
        return `پچھلی فہرست میں نمبر ${ref.index + 1} پر کوئی کام نہیں۔`;
      case 'all':
        return 'میں یہ ایک وقت میں ایک ہی کام پر کر سکتا ہوں۔ کون سا کام؟ مثلاً "ٹاسک 3"۔';
      case 'it':
        return 'سمجھ نہیں آیا کہ کون سا کام، نمبر یا نام بتائیں۔';
    }
  },
  failed: (error) => `معذرت، یہ نہیں ہو سکا: ${error}`,
  giveUp: 'معذرت، یہ مکمل نہیں ہو سکا۔ براہ کرم ایک ایک کر کے دوبارہ کوشش کریں۔',
  tooManyTasks: (count, max) =>
    `یہ ${count} کام ہیں؛ میں ایک وقت میں زیادہ سے زیادہ ${max} شامل کر سکتا ہوں، اس لیے کوئی بھی شامل نہیں کیا۔ براہ کرم ${max} یا اس سے کم کے گروپ میں بھیجیں۔`,
  tooManyActions: (count, max) =>
    `یہ ${count} کام تبدیل کرنے ہیں؛ میں ایک پیغام میں زیادہ سے زیادہ ${max} تبدیل کر سکتا ہوں، اس لیے کچھ بھی تبدیل نہیں کیا۔ براہ کرم ایک وقت میں ${max} یا اس سے کم بتائیں۔`,
  clarify: (query, lines, action) =>
    `"${query}" سے ملتے ${lines.length} کام ملے۔ کون سا ${urVerb[action]}؟\n${lines.join('\n')}\nنمبر لکھ کر بتائیں (مثلاً "1")۔`,
  listHeading: (count, filter) => `آپ کے ${count} کام${filter ? ` (${filter})` : ''}:`,
  listEmpty: (filter) =>
    filter
      ? `کوئی کام نہیں ملا (${filter})۔`
      : 'آپ کی فہرست خالی ہے۔ مثلاً کہیں: "کل دودھ خریدنا شامل کرو"۔',
  renamed: (title, details) =>
    `نام بدل کر "${title}" کر دیا گیا${details.length > 0 ? `: ${details.join('، ')}` : ''}۔`,
  due: 'آخری تاریخ',
  noDueDate: 'کوئی آخری تاریخ نہیں',
  noRepeat: 'اب نہیں دہرایا جائے گا',
  described: 'تفصیل تبدیل',
};

const romanVerb: Record<Action, string> = {
  complete: 'mukammal karun',
  reopen: 'dobara kholun',
  delete: 'delete karun',
  update: 'change karun',
};

const roman: Messages = {
  help: [
    'Assalam o alaikum! Main aap ka task assistant hoon. Main tasks add, show, mukammal, dobara open, change aur delete kar sakta hoon. Misal:',
    bullets([
      'kal shaam 5 baje doodh lena add karo',
      'kya baqi hai?',
      'task 3 ho gaya',
      'doodh wala task delete karo',
      'task 2 ko agle jumma pe shift karo',
    ]),
  ].join('\n'),
  thanks: 'Khushi hui! Aur kuch ho to batayein.',
  cannotDo:
    'Maazrat, ye main nahi kar sakta, main sirf aap ki tasks ki list sambhalta hoon. Kahein: "kal doodh lena add karo" ya "kya baqi hai?"',
  askWhatToAdd: 'Kya add karun? Misal: "kal shaam 5 baje doodh lena add karo".',
  askWhich: (action) =>
    `Kaun sa task ${romanVerb[action]}? Task number (jaise "task 3"), us ka naam ya "doosra wala" batayein.`,
  askWhatToChange: (task) => `${task} mein kya change karun? Naam, date, priority ya tag batayein.`,
  whatToDo: (task) => `${task} ke saath kya karun? Mukammal, dobara open, change ya delete?`,
  taskLabel: (id) => `task ${id}`,
  added: (title, details) => `"${title}" add kar diya${paren(details)}.`,
  addedMany: (lines) => `${lines.length} tasks add kar diye:\n${bullets(lines)}`,
  done: (action, title, details) =>
    ({
      complete: `Shabash! "${title}" mukammal ho gaya.`,
      reopen: `"${title}" dobara khol diya, ab ye baqi hai.`,
      delete: `"${title}" delete kar diya.`,
      update: `"${title}" update kar diya${details.length > 0 ? `: ${details.join(', ')}` : ''}.`,
    })[action],
  notFound: (ref) => {
    switch (ref.kind) {
      case 'id':
        return `Task ${ref.id} nahi mila.`;
      case 'title':
        return `"${ref.text}" jaisa koi task nahi mila.`;
      case 'position':
        return `Pichli list mein number ${ref.index + 1} par koi task nahi.`;
      case 'all':
        return 'Main ye ek waqt mein ek hi task par kar sakta hoon. Kaun sa task? Jaise "task 3".';
      case 'it':
        return 'Samajh nahi aaya kaun sa task, number ya naam batayein.';
    }
  },
  failed: (error) => `Maazrat, ye nahi ho saka: ${error}`,
  giveUp: 'Maazrat, ye mukammal nahi ho saka. Baraye meherbani ek ek kar ke dobara koshish karein.',
  tooManyTasks: (count, max) =>
    `Ye ${count} tasks hain; main ek waqt mein zyada se zyada ${max} add kar sakta hoon, is liye koi bhi add nahi kiya. Baraye meherbani ${max} ya kam ke group mein bhejein.`,
  tooManyActions: (count, max) =>
    `Ye ${count} tasks change karne hain; main ek message mein zyada se zyada ${max} change kar sakta hoon, is liye kuch bhi change nahi kiya. Baraye meherbani ek waqt mein ${max} ya kam batayein.`,
  clarify: (query, lines, action) =>
    `"${query}" se milte ${lines.length} tasks mile. Kaun sa ${romanVerb[action]}?\n${lines.join('\n')}\nNumber likh kar batayein (jaise "1").`,
  listHeading: (count, filter) => `Aap ke ${count} tasks${filter ? ` (${filter})` : ''}:`,
  listEmpty: (filter) =>
    filter
      ? `Koi task nahi mila (${filter}).`
      : 'Aap ki list khali hai. Kahein: "kal doodh lena add karo".',
  renamed: (title, details) =>
    `Naam badal kar "${title}" kar diya${details.length > 0 ? `: ${details.join(', ')}` : ''}.`,
  due: 'due',
  noDueDate: 'koi due date nahi',
  noRepeat: 'ab repeat nahi hoga',
  described: 'tafseel update',
};

export const messages: Record<Language, Messages> = { en, ur, roman };
