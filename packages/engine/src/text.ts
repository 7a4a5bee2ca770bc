// Text helpers: normalising user input (Urdu letter variants, digits, punctuation) and similarity.

const urduVariants: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ه: 'ہ',
  ة: 'ہ',
  ۀ: 'ۂ',
  '،': ',',
  '؛': ';',
  '؟': '?',
  '۔': '.',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
};

/**
 * Canonical form of user input. Keyboards type Arabic code points for Urdu letters and
 * Urdu or Arabic-Indic digits; folding them lets one set of patterns serve every writer.
 */
export function normalizeInput(text: string): string {
  return (
    text
      .normalize('NFC')
      // Diacritics and the tatweel only decorate; zero-width joiners split words invisibly.
      .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F]/g, '')
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[يىكهةۀ،؛؟۔“”‘’]/g, (c) => urduVariants[c] ?? c)
      .replace(/[ \t]+/g, ' ')
      .trim()
  );
}

/** Lower-cased words for matching titles: punctuation dropped, light English plural folding. */
export function matchTokens(text: string): string[] {
  return normalizeInput(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(stem);
}

function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Optimal-string-alignment Damerau–Levenshtein distance: a swap of two letters costs one. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** 1 for equal words, falling towards 0 as edits pile up relative to the longer word. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  // In short words a changed first letter makes another word ("all" and "call"), not a typo.
  if (Math.min(a.length, b.length) < 3) return 0;
  if (Math.min(a.length, b.length) <= 4 && a[0] !== b[0]) return 0;
  return 1 - editDistance(a, b) / longest;
}

/** Squeezes runs of spaces and trims stray punctuation left behind by removed phrases. */
export function tidy(text: string): string {
  return text
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:!?\-–—]+|[\s,;:\-–—]+$/g, '')
    .replace(/^["'](.*)["']$/, '$1')
    .trim();
}

/** Upper-cases the first letter of Latin titles ("buy milk" → "Buy milk"); Urdu has no case. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when the text is written (mostly) in Urdu/Arabic script. */
export function hasUrduScript(text: string): boolean {
  return /[\u0600-\u06FF]/.test(text);
}

/**
 * A RegExp matching `source` only as whole words. `\b` knows only ASCII letters, so Urdu words
 * need Unicode-aware look-arounds instead.
 */
export function wordPattern(source: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_#])(?:${source})(?![\\p{L}\\p{N}_])`, flags);
}
