import type { Lang } from "../i18n/lang";
import type { Course } from "./content";
import { aliasesOf, type GlossaryTerm } from "./glossary";
import { focusOf } from "./glossary-focus";
import {
  commonPrefix,
  EXACT,
  focusScore,
  headOf,
  type Match,
  missesFocus,
  outranks,
  tokenMatch,
  tooVague,
} from "./glossary-rank";
import { createStemmer, STOPWORDS, words } from "./glossary-text";
import { createTypoFinder, misspelt } from "./glossary-typos";
import { createLessonFinder, type LessonLink } from "./lesson-finder";

export type { LessonLink } from "./lesson-finder";

/** A related term, named in the answer's language. */
export interface NamedTerm {
  readonly id: string;
  readonly name: string;
}

/** A term explained: "Name — definition" in the answer's language, related terms, its lesson. */
export interface TermAnswer {
  readonly kind: "term";
  readonly term: GlossaryTerm;
  /** "Name — definition", plain text in the answer's language. */
  readonly text: string;
  readonly related: readonly NamedTerm[];
  readonly lesson?: LessonLink;
}

/** What the glossary says to a question: a term it explains, or the lessons closest to it. */
export type GlossaryAnswer =
  | TermAnswer
  | { readonly kind: "unknown"; readonly closestLessons: readonly LessonLink[] };

export interface AnswerOptions {
  /** Terms of the thread a follow-up belongs to: they win when a question could mean several. */
  readonly preferTerms?: readonly string[];
}

/** The offline glossary: answers beginners' questions and spots terms in news texts. */
export interface Glossary {
  readonly terms: readonly GlossaryTerm[];
  /** The term a question (ru or en, in any shape) asks about, answered in `lang`. */
  answerQuestion(question: string, lang: Lang, opts?: AnswerOptions): GlossaryAnswer;
  /** One term by id (a "related term" button), or undefined for an id the glossary lacks. */
  explain(id: string, lang: Lang): TermAnswer | undefined;
  /** Ids of the terms a text mentions (whole names or aliases only), in order of first mention. */
  findTerms(text: string): string[];
}

interface Alias {
  readonly term: number;
  readonly tokens: readonly string[];
  readonly stems: readonly string[];
}

/** Builds the glossary's search over validated terms; `courses` name the lessons it points to. */
export function createGlossary(
  terms: readonly GlossaryTerm[],
  courses: readonly Course[],
): Glossary {
  const stem = createStemmer();
  const byToken = new Map<string, Alias[]>();
  const byStem = new Map<string, Alias[]>();
  const parts = new Map<string, Set<number>>();
  const partStems = new Map<string, Set<number>>();
  const ids = new Map(terms.map((t, i) => [t.id, i]));
  const lessons = createLessonFinder(courses, stem);
  const singleWords: (readonly [string, number])[] = [];

  let longest = 1;
  terms.forEach((term, index) => {
    const seen = new Set<string>();
    for (const alias of aliasesOf(term)) {
      const tokens = words(alias);
      const key = tokens.join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      const entry: Alias = { term: index, tokens, stems: tokens.map(stem) };
      longest = Math.max(longest, tokens.length);
      if (tokens.length === 1) singleWords.push([key, index]);
      push(byToken, tokens[0] ?? "", entry);
      if ((entry.stems[0] ?? "").length >= 4) push(byStem, entry.stems[0] ?? "", entry);
      if (tokens.length < 2) continue;
      for (const token of tokens) {
        if (STOPWORDS.has(token) || token.length < 3) continue;
        add(parts, token, index);
        if (stem(token).length >= 4) add(partStems, stem(token), index);
      }
    }
  });

  const typos = createTypoFinder(singleWords);

  function fullMatches(tokens: readonly string[], stems: readonly string[]): Match[] {
    const found: Match[] = [];
    tokens.forEach((token, start) => {
      for (const alias of candidates(token, stems[start] ?? "")) {
        let exact = true;
        let shared = 0;
        let length = 0;
        const ok = alias.tokens.every((a, k) => {
          const q = tokens[start + k];
          if (q === undefined) return false;
          const how = tokenMatch(q, stems[start + k] ?? "", a, alias.stems[k] ?? "");
          exact &&= how === EXACT;
          shared += commonPrefix(q, a);
          length += q.length;
          return how > 0;
        });
        if (ok) {
          const end = start + alias.tokens.length;
          const affinity = shared / length;
          found.push({ term: alias.term, start, end, full: true, exact, affinity });
        }
      }
    });
    // "spot ETF" hides the "spot" and "ETF" inside it.
    const furthest = new Map<number, number>();
    for (const m of found) furthest.set(m.start, Math.max(furthest.get(m.start) ?? 0, m.end));
    return found.filter((m) => {
      for (let start = m.start; start > m.start - longest; start--) {
        const end = furthest.get(start) ?? -1;
        if (end >= m.end && end - start > m.end - m.start) return false;
      }
      return true;
    });
  }

  function candidates(token: string, tokenStem: string): Set<Alias> {
    const out = new Set<Alias>(byToken.get(token));
    for (const alias of byStem.get(tokenStem) ?? []) out.add(alias);
    for (let cut = 1; cut <= 3 && token.length - cut >= 4; cut++) {
      for (const alias of byToken.get(token.slice(0, -cut)) ?? []) out.add(alias);
    }
    return out;
  }

  function partialMatches(tokens: readonly string[], stems: readonly string[], full: Match[]) {
    const found: Match[] = [];
    tokens.forEach((token, i) => {
      if (STOPWORDS.has(token) || token.length < 3) return;
      if (full.some((m) => m.start <= i && i < m.end)) return;
      const exact = parts.get(token) ?? new Set<number>();
      const loose = partStems.get(stems[i] ?? "") ?? [];
      for (const term of new Set([...exact, ...loose])) {
        const base = { term, start: i, end: i + 1, full: false, affinity: 0 };
        found.push({ ...base, exact: exact.has(term) });
      }
    });
    return found;
  }

  function answerQuestion(question: string, lang: Lang, opts: AnswerOptions = {}): GlossaryAnswer {
    const tokens = words(question);
    const stems = tokens.map(stem);
    const full = fullMatches(tokens, stems);
    const all = [...full, ...partialMatches(tokens, stems, full)];
    const preferred = new Set(
      (opts.preferTerms ?? []).flatMap((id) => {
        const i = ids.get(id);
        return i === undefined ? [] : [i];
      }),
    );
    const focus = focusOf(tokens);
    const onFocus = focusScore(tokens, focus);
    const isHead = headOf(tokens, full);
    const best = all.reduce<Match | undefined>(
      (a, b) => (a === undefined || outranks(b, a, preferred, onFocus, isHead) ? b : a),
      undefined,
    );
    if (
      best === undefined ||
      missesFocus(tokens, focus, all, best) ||
      tooVague(best, all, preferred)
    ) {
      const guess = misspelt(tokens, focus, all, (word) => typos(word, preferred));
      if (guess !== undefined) return explainAt(guess, lang);
      // Terms named around the unknown word ("merkle tree in BITCOIN"), then the thread's terms,
      // point at their lessons.
      const named = [...all.map((m) => m.term), ...preferred];
      const hints = named.flatMap((i) => terms[i]?.lesson ?? []);
      return { kind: "unknown", closestLessons: lessons.closest(tokens, lang, hints) };
    }
    return explainAt(best.term, lang);
  }

  function explain(id: string, lang: Lang): TermAnswer | undefined {
    const index = ids.get(id);
    return index === undefined ? undefined : explainAt(index, lang);
  }

  function explainAt(index: number, lang: Lang): TermAnswer {
    const term = terms[index] as GlossaryTerm;
    const related = term.related.flatMap((id) => {
      const other = terms[ids.get(id) ?? -1];
      return other === undefined ? [] : [{ id, name: other.name[lang] }];
    });
    const lesson = term.lesson && lessons.link(term.lesson, lang);
    const text = `${term.name[lang]} — ${term.definition[lang]}`;
    return lesson
      ? { kind: "term", term, text, related, lesson }
      : { kind: "term", term, text, related };
  }

  function findTerms(text: string): string[] {
    const tokens = words(text);
    const found = fullMatches(tokens, tokens.map(stem));
    // Of two terms read from the same words ("liquidations"), keep the closer spelling.
    const best = new Map<string, Match>();
    for (const m of found) {
      const span = `${m.start}:${m.end}`;
      const other = best.get(span);
      if (other === undefined || outranks(m, other, new Set(), () => 0)) best.set(span, m);
    }
    const ordered = [...best.values()].sort((a, b) => a.start - b.start || a.term - b.term);
    return [...new Set(ordered.map((m) => terms[m.term]?.id ?? ""))];
  }

  return { terms, answerQuestion, explain, findTerms };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
