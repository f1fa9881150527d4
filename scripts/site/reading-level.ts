// Reading level of a page's prose: the Flesch–Kincaid grade (Kincaid et al., 1975),
//   grade = 0.39 · words/sentences + 11.8 · syllables/words − 15.59,
// with syllables counted by the usual vowel-group rule. A rough, well-known yardstick for "plain language" pages, used
// to hold the public pages near the 8th-grade aim; numbers, units and code are left out of the count.

/** The prose of a Framework Markdown page: no front matter, code blocks, ${…} expressions, HTML tags or link targets. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^---[\s\S]*?---/, "")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/\$\{[\s\S]*?\}(?=[\s.,;:)]|$)/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^#+\s.*$/gm, "")
    .replace(/[*_`]/g, "")
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "").match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

export function fleschKincaidGrade(text: string): {grade: number; words: number; sentences: number} {
  const sentences = text.split(/[.!?:;]+(?:\s|$)|\n\s*\n/).filter((s) => /[a-z]/i.test(s));
  const words = text.split(/\s+/).map((w) => w.replace(/[^A-Za-z'-]/g, "")).filter((w) => /[a-z]/i.test(w));
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syl / words.length) - 15.59;
  return {grade, words: words.length, sentences: sentences.length};
}
