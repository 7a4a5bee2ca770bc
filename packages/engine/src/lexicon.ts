// The words that signal each intent, per language, as RegExp sources matched on whole words.
import type { Action, Language } from './types.ts';

export type Verb = 'add' | 'list' | Action;

/** Roman Urdu writers mix in English verbs, usually with "karo"; both are listed. */
const kar = 'kar(?:o|do| do|dein| dein|den|en|ein|na|iye|ain)?';
const urKar = 'کر(?:و|یں| ?دو| ?دیں|نا|ئیں)';

export const verbs: Record<Language, Record<Verb, string>> = {
  en: {
    add: "add|create|remember(?: to)?|remind me(?: to)?|new task|note down|jot down|put|schedule|i (?:need|have|want|must|should|gotta) to|i've got to|i have got to|don'?t (?:let me )?forget(?: to)?|make a (?:task|note|reminder)(?: to)?|set a reminder(?: to)?|save",
    list: "show|list|display|view|see|what(?:'s| is| are| do| did| have| else)?|whats|which|any(?:thing)?|how many|do i have|find|search(?: for)?|look (?:up|for)|give me|get my|tell me|check my|remaining|left to do",
    complete:
      'complete|completed|finish(?:ed)?|done(?: with)?|as (?:done|complete(?:d)?|finished)|check(?:ed)? off|tick(?:ed)? off|cross(?:ed)? off|i did|accomplished',
    reopen:
      "re-?open(?:ed)?|un-?complete|un-?check|un-?tick|un-?mark|undo|(?:as|to) (?:not done|undone|incomplete|pending|open|unfinished|not complete(?:d)?)|(?:is|was|isn'?t|wasn'?t) (?:not )?(?:done|finished|complete(?:d)?) yet|(?:is|was) not (?:done|finished|complete(?:d)?)|isn'?t (?:done|finished|complete(?:d)?)|not (?:done|finished) yet|put back|bring back|restore",
    delete:
      'delete|remove|cancel|drop|erase|trash|get rid of|throw away|discard|scrap|forget about',
    update:
      'rename|retitle|change|move|update|edit|modify|reschedule|postpone|push(?: back)?|delay|set|make(?= (?:task|#|the|it|that|this|number|no))|tag(?= (?:task|#\\d|the|it|that|this|number|no))|prioriti[sz]e',
  },
  ur: {
    add: `شامل ${urKar}|شامل|ڈال(?:و| ?دو| ?دیں|یں| ?لو)|یاد رکھ(?:و|یں|نا|ئیے|ئے|یئے)|یاد دلا(?:نا|ؤ|ئیں| ?دو| ?دینا)|لکھ(?:و| ?لو| ?دو| ?لیں)|نوٹ ${urKar}|ایڈ ${urKar}|ایڈ|اضافہ ${urKar}|نیا کام|نیا ٹاسک`,
    list: 'دکھا(?:ؤ|و|ئیں|یں| ?دو| ?دیں|نا)|بتا(?:ؤ|و|ئیں|یں| ?دو| ?دیں)|کیا باقی ہے|کیا بچا ہے|باقی کیا ہے|کیا کیا|تلاش کر(?:و|یں)|ڈھونڈ(?:و|یں|ئیں)|کون سے|کتنے کام|فہرست|لسٹ',
    complete: `مکمل(?: ${urKar}| ہو ?گیا| ہو ?گئی| ہو ?گئے| ہے| کر ?لیا| کر ?دیا)?|ہو ?گیا|ہو ?گئی|ہو ?گئے|ہو ?چکا|ہو ?چکی|کر ?لیا|کر ?لی|پورا ہو ?گیا|نمٹا ?(?:دیا|لیا)`,
    reopen: `دوبارہ کھول(?:و|یں| ?دو| ?دیں)|دوبارہ شروع ${urKar}|واپس کھول(?:و|یں)|نامکمل(?: ${urKar})?|غیر مکمل(?: ${urKar})?|ابھی (?:مکمل )?نہیں ہوا|مکمل نہیں ہوا|ان ?ڈو ${urKar}`,
    delete: `حذف(?: ${urKar})?|ہٹا(?:ؤ|و|ئیں| ?دو| ?دیں)|مٹا(?:ؤ|و|ئیں| ?دو| ?دیں)|ختم ${urKar}|نکال(?:و| ?دو| ?دیں)|منسوخ(?: ${urKar})?|ڈیلیٹ(?: ${urKar})?|خارج ${urKar}`,
    update: `نام بدل(?:و|یں| ?دو| ?دیں| کر| کے)?|نام تبدیل(?: ${urKar})?|بدل(?:و|ؤ|یں| ?دو| ?دیں| کر| کے)|تبدیل(?: ${urKar})?|منتقل(?: ${urKar})?|آگے ${urKar}|اپ ?ڈیٹ ${urKar}`,
  },
  roman: {
    add: `add ${kar}|add|daal(?:o| do|dein| dein|na)|dal(?:o| do| dein)|yaad rakh(?:na|o|ein|en|iye|ie|na)?|yaad dila(?:na|o|dena|dein|ein| dena| do)|likh(?:o| lo| do|lo|do)|note ${kar}|shamil ${kar}|shaamil ${kar}|naya (?:task|kaam)`,
    list: `dikha(?:o|ao| do|do|ein|en|na|iye|yein)|dikhao|bata(?:o| do|do|ein|iye)|kya (?:baqi|baaki|bacha|bachay) (?:hai|he|hain|hy)|baqi kya hai|kya kya|talash ${kar}|dhoon?d(?:o|ho|ein)|dhund(?:o|ein)|search ${kar}|show ${kar}|show|list ${kar}|kaun se|konse|kitne`,
    complete: `ho ?gaya|ho ?gya|ho ?gayi|ho ?gai|ho ?gaye|ho ?chuka|ho ?chuki|mukammal(?: ${kar}| ho ?gaya| ho ?gya| hai| kar ?diya| kar ?liya)?|complete ${kar}|complete|done ${kar}|done|kar ?liya|kar ?li|khatam ho ?gaya|pura ho ?gaya|poora ho ?gaya`,
    reopen: `dobara khol(?:o| do| dein)|dobara open ${kar}|wapas (?:khol(?:o| do)|open ${kar}|pending ${kar}|la(?:o| do))|reopen ${kar}|reopen|na ?mukammal ${kar}|abhi (?:tak )?nahi hua|nahi hua|undo ${kar}|undo|pending ${kar}`,
    delete: `delete ${kar}|delete|hata(?:o| do|do| dein|dein|yein)|mita(?:o| do|do| dein|dein)|remove ${kar}|remove|nikal(?:o| do| dein)|khatam ${kar}|cancel ${kar}|cancel|hazf ${kar}`,
    update: `naam badal(?:o| do| dein| ke| kar)?|naam change ${kar}|naam tabdeel ${kar}|badal(?:o| do|do| dein| ke| kar)|badlo|change ${kar}|change|tabdeel ${kar}|shift ${kar}|move ${kar}|rename ${kar}|rename|update ${kar}|edit ${kar}|postpone ${kar}|aage ${kar}`,
  },
};

/** Greetings open a message; alone they get the help answer. */
export const greetings: Record<Language, string> = {
  en: 'hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)',
  ur: 'السلام علیکم|اسلام علیکم|سلام|ہیلو|ہائے|آداب',
  roman: 'assalam ?o ?alaikum|asalam ?o ?alaikum|assalamualaikum|aoa|salam|salaam|adaab',
};

/** Whole-message help requests. */
export const help: Record<Language, string> = {
  en: 'help|help me|menu|start|what can you do|what do you do|how does (?:this|it) work|how do i use (?:this|you)|who are you|what are you|commands|options',
  ur: 'مدد|مدد کرو|مدد کریں|آپ کیا کر سکتے ہیں|تم کیا کر سکتے ہو|آپ کیا کرتے ہیں|یہ کیسے کام کرتا ہے|کیا کر سکتے ہو',
  roman:
    'madad|madad karo|help karo|tum kya kar sakte ho|aap kya kar sakte hain|kya kar sakte ho|kya kar sakti ho|ye kaise kaam karta hai',
};

export const thanks: Record<Language, string> = {
  en: 'thanks|thank you|thanks a lot|thank you so much|thx|ty|cheers|great|perfect|awesome|ok|okay|cool|nice|got it|bye|goodbye',
  ur: 'شکریہ|بہت شکریہ|جزاک اللہ|ٹھیک ہے|اچھا|بہت خوب|خدا حافظ|اللہ حافظ',
  roman:
    'shukriya|shukria|bohat shukriya|jazakallah|theek hai|thik hai|acha|achha|zabardast|khuda hafiz|allah hafiz',
};

/** Polite padding that carries no meaning for the request. */
export const fillers: Record<Language, string> = {
  en: "please|pls|plz|kindly|can you|could you|would you|will you|can u|could u|would you mind|i want you to|i'd like you to|i would like you to|hey|ok|okay|so|also|now|just|quickly|for me|thanks|thank you|go ahead and|let'?s|oh|and then|i (?:want|need|would like|'d like) to(?= (?:see|show|list|view|delete|remove|add|create|change|rename|move|complete|mark|reopen|update|edit|cancel|know|check)\\b)|let me (?:see|know)|help me",
  ur: 'براہ کرم|برائے مہربانی|مہربانی|پلیز|ذرا|زرا|جی|اچھا|ابھی|بھی|میرے لیے|میرے لئے|شکریہ|آپ|مجھے',
  roman:
    'please|pls|plz|plzz|zara|jee|ji|acha|achha|abhi|bhi|mere liye|meri liye|shukriya|yaar|yar|bhai|aap|mujhe|mjhe',
};

/** Verbs that usually start a new task in a list ("call mom tomorrow and pay rent"). */
export const taskVerbs =
  'ask|book|bring|buy|call|check|clean|collect|cook|do|drop|email|feed|fetch|file|finish|fix|get|go|meet|order|pack|pay|pick|post|prepare|print|read|renew|reply|return|review|sell|send|ship|sign|study|submit|take|text|visit|walk|wash|watch|water|write';
