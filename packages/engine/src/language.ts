// Language detection: Urdu script, Roman Urdu or English, so the engine answers in kind.
import { hasUrduScript } from './text.ts';
import type { Language } from './types.ts';

/** Words that only Roman Urdu uses (none is also a common English word). */
const romanMarkers = new Set(
  `karo kar karna karen karein kardo krdo kro krna kijiye kijye karde kariye dein dena
  hai hain hy ha tha thi ho hoga hogaya hogya gaya gayi gya gai chuka chuki chuke
  kya kia kyun kab kaise kaisa kaun konsa konsi kitne kitna
  mein mai mujhe mjhe mera meri mere hum humein hamara tum tumhara aap apna apne apni
  ka ki ke ko se par pe aur ya bhi nahi nahin na haan han jee ji acha theek thik
  kal aaj aj parson parso shaam sham subah subha dopahar raat baje bje bajay din hafte hafta mahine
  agle agla agli pichle wala wali wale walay
  dikhao dikha dikhaao dikhana batao bata btao dhoondo dhundo dhoondho talash
  daal dalo dalna daalo yaad rakhna rakho rakh likh likho likhlo
  hatao hata mita mitao nikal nikalo khatam mukammal pura poora
  badlo badal badalna tabdeel naam
  kaam kam zaroori zaruri fori foran ahem aham rozana roz har
  doosra dusra doosri dusri doosre dusre teesra tisra teesri pehla pehli pehle aakhri akhri
  salam assalam assalamualaikum aoa shukriya shukria madad baqi baaki bachay bache
  peer pir mangal budh jumeraat jumerat jumma juma jummay jumay itwar itwaar
  dobara kholo khol wapas lagao laga rakho pe hoon hun karun
  karna karni karne lena leni dena deni jana jani aana ana peena khana parhna padhna likhna
  bhejna lana sona uthna milna dhona bharna chalana nikalna sikhna dekhna sunna banwana
  sab saare sare tamam yaar yar`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common English words that Roman Urdu writers rarely use. */
const englishMarkers = new Set(
  `the a an to my me i is are was of for with on at in and or please can could would you your
  what whats which that this it its all any have has does did show list add create remember
  remind delete remove cancel change rename move mark done finished complete completed tasks
  tomorrow today next every due by from as be am not don't want need let`.split(/\s+/),
);

/**
 * The language of one message, or undefined when it carries no clue (a bare "2" or "ok").
 * Roman Urdu wins ties with English because its markers are much rarer by chance.
 */
export function detectLanguage(text: string): Language | undefined {
  if (hasUrduScript(text)) return 'ur';
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  let roman = 0;
  let english = 0;
  for (const word of words) {
    if (romanMarkers.has(word)) roman++;
    else if (englishMarkers.has(word)) english++;
  }
  if (roman > 0 && roman >= english) return 'roman';
  if (english > 0 || words.some((word) => word.length > 2)) return 'en';
  return undefined;
}
