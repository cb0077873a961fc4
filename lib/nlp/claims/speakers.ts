import type { Doc } from '../doc';
import type { ActorRegistry, FoundActor } from '../actors';
import { isSayVerb } from '../lexicon';

/**
 * Who speaks or holds a view in a sentence: the subject of a verb of saying or believing
 * ("X said", "said X", "according to X", "X is confident"), pronouns resolved to the speaker
 * before ("they said"), unnamed speakers resolved to the body they speak for ("a Foreign
 * Ministry spokesman said" → the ministry).
 */
export interface Reporter {
  /** Token index of the verb (or of "according"). */
  at: number;
  actors: FoundActor[];
}

/** Discourse memory across sentences. */
export interface Discourse {
  lastSpeakers: FoundActor[];
  lastPerson: FoundActor | null;
}

const HOLDER = new Set(['confident', 'believes', 'believe', 'believed', 'assesses', 'assessed', 'assess', 'judges', 'judged', 'judge', 'concluded', 'concludes', 'conclude', 'determined', 'determine', 'alleges', 'alleged', 'insists', 'maintains', 'accused', 'blamed']);
const PRONOUN_PL = new Set(['they', 'ministers', 'officials', 'statement', 'ministry', 'agency', 'government', 'department', 'office', 'report', 'advisory', 'spokesman', 'spokeswoman', 'spokesperson']);
const PRONOUN_SG = new Set(['he', 'she']);
const PREP = new Set(['of', 'in', 'on', 'against', 'from', 'at', 'for', 'to', 'into', 'with', 'over', 'about', 'targeting', 'toward', 'towards', 'by', 'than', 'under', 'inside', 'across', 'within']);
/** Clause boundaries for subject search. */
export const CLAUSE_END = new Set([',', ';', ':', '—', '–', '(', ')', '“', '”', '"', '‘']);

/** Reporting clauses of sentence s. */
export function findReporters(doc: Doc, reg: ActorRegistry, s: number, disc: Discourse): Reporter[] {
  const { tokens: toks } = doc;
  const sent = doc.sentences[s];
  const out: Reporter[] = [];
  let unnamedSubject = false;
  for (let i = sent.from; i < sent.to; i++) {
    const w = toks[i].lower;
    // headline style "U.K.: Russia launched …"
    if (w === ':' && i - sent.body <= 3 && reg.at(i - 1) && !quoteAfter(doc, i)) {
      out.push({ at: i, actors: [reg.at(i - 1)!] });
      continue;
    }
    if (w === 'according' && toks[i + 1]?.lower === 'to') {
      const a = actorsAfter(reg, i + 2, sent.to);
      if (a.length) out.push({ at: i, actors: a });
      continue;
    }
    const say = isSayVerb(toks[i]);
    if (!say && !(HOLDER.has(w) && toks[i].text === w)) continue;
    if (w === 'accused' || w === 'blamed') {
      if (!/^(?:is|are|was|were)$/.test(toks[i - 1]?.lower ?? '')) continue; // only "X is blamed"? skip
    }
    let actors = subjectLeft(doc, reg, i, sent.from);
    // inverted: "…,” said the British government", ", said Josep Borrell"
    if (!actors.length && say && /^[,”"’]$/.test(toks[i - 1]?.text ?? '')) actors = actorsAfter(reg, i + 1, Math.min(sent.to, i + 8));
    if (!actors.length) {
      // "The FBI said it determined …": a pronoun after a reporting clause is its subject;
      // "Western governments said they …": an unnamed subject stays unnamed
      const p = pronounAt(doc, i, sent.from);
      if (p) actors = unnamedSubject ? [] : (out.at(-1)?.actors ?? (p === 'sg' ? personOrSpeaker(disc) : disc.lastSpeakers));
      else if (say) unnamedSubject = true;
    }
    if (actors.length) out.push({ at: i, actors });
  }
  return out;
}

/**
 * The subject actors of the verb at token v: every actor in subject position between the start
 * of the verb's clause and the verb ("Canada joined the US, Britain and NATO in blaming" → all
 * four; "the EU's foreign policy chief, Josep Borrell, said" → Borrell). Actors inside a
 * prepositional phrase ("condemnation of China") or modifying another actor ("the UK's NCSC",
 * "Chinese foreign ministry spokesperson Lin Jian") are not subjects. Named people win over the
 * bodies in their titles.
 */
export function subjectLeft(doc: Doc, reg: ActorRegistry, v: number, floor: number): FoundActor[] {
  const toks = doc.tokens;
  floor = Math.max(floor, doc.sentences[toks[v]?.sentence ?? 0]?.body ?? floor);
  let lo = floor;
  for (let j = v - 1; j > floor; j--) {
    const w = toks[j].lower;
    if (BOUNDARY.has(w) || isSayVerb(toks[j]) || (w === 'and' && toks[j - 1]?.text === ',') || (w === 'but' && toks[j - 1]?.text === ',')) {
      lo = j + 1;
      break;
    }
  }
  const out: FoundActor[] = [];
  for (let j = lo; j < v; j++) {
    const a = reg.at(j);
    if (!a) continue;
    const m = a.mentions.find(x => x.from <= j && j < x.to)!;
    j = m.to - 1;
    if (a.type === 'threat-group' || out.includes(a)) continue;
    if (eligibleSubject(doc, reg, m.from, m.to - 1)) out.push(a);
  }
  const people = out.filter(a => a.type === 'person' || a.type === 'official');
  return people.length ? people : out;
}

/** Words that open a new clause: the subject of a later verb is not before them. */
const BOUNDARY = new Set([';', 'that', 'which', 'who', 'whom', 'while', 'because', 'although', 'though', 'if', 'when', 'after', 'before', 'since', 'whereas', '“', '"', ':']);

/** Not inside a prepositional phrase, not a possessive or adjective modifier of a following actor. */
function eligibleSubject(doc: Doc, reg: ActorRegistry, m: number, last: number): boolean {
  const toks = doc.tokens;
  let p = m - 1;
  while (p >= 0 && /^(?:the|its|other|fellow)$/.test(toks[p].lower)) p--;
  const w = toks[p]?.lower ?? '';
  if (PREP.has(w)) {
    const w2 = toks[p - 1]?.lower ?? '';
    const joinedBy = w === 'by' && [1, 2, 3].some(d => toks[p - d]?.lower === 'joined');
    if (!(joinedBy || (w === 'with' && /^(?:along|together|alongside)$/.test(w2)))) return false;
  }
  let n = last + 1;
  if (toks[n] && (toks[n].lower === "'s" || toks[n].lower === "'")) n++;
  // "the UK's National Cyber Security Centre", "Chinese foreign ministry spokesperson Lin Jian"
  const next = reg.at(n);
  return !(next && next !== reg.at(last));
}

function actorsAfter(reg: ActorRegistry, from: number, to: number): FoundActor[] {
  for (let j = from; j < to && j < from + 8; j++) {
    const a = reg.at(j);
    if (a && a.type !== 'threat-group') return [a];
    if (CLAUSE_END.has(reg.tokens[j].text) && j > from) break;
  }
  return [];
}

function quoteAfter(doc: Doc, i: number): boolean {
  return /^[“"‘]$/.test(doc.tokens[i + 1]?.text ?? '');
}

/** A pronoun or stand-in subject just before the verb at v: 'sg' (he, she) or 'pl' (they, it, the ministers). */
function pronounAt(doc: Doc, v: number, floor: number): 'sg' | 'pl' | null {
  for (let j = v - 1; j >= Math.max(floor, v - 3); j--) {
    const w = doc.tokens[j].lower;
    if (PRONOUN_SG.has(w)) return 'sg';
    if (PRONOUN_PL.has(w) || w === 'we' || w === 'it') return 'pl';
  }
  return null;
}

function personOrSpeaker(disc: Discourse): FoundActor[] {
  return disc.lastPerson ? [disc.lastPerson] : disc.lastSpeakers.slice(0, 1);
}
