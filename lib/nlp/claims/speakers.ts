import type { Doc } from '../doc';
import type { ActorRegistry, FoundActor } from '../actors';
import { SAY_VERBS } from '../lexicon';

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

const HOLDER = new Set(['confident', 'believes', 'believe', 'believed', 'assesses', 'assessed', 'assess', 'judges', 'judged', 'concluded', 'concludes', 'determined', 'alleges', 'alleged', 'insists', 'maintains', 'accused', 'blamed']);
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
  for (let i = sent.from; i < sent.to; i++) {
    const w = toks[i].lower;
    if (w === 'according' && toks[i + 1]?.lower === 'to') {
      const a = actorsAfter(reg, i + 2, sent.to);
      if (a.length) out.push({ at: i, actors: a });
      continue;
    }
    if (!SAY_VERBS.has(w) && !HOLDER.has(w)) continue;
    if (w === 'accused' || w === 'blamed') {
      if (!/^(?:is|are|was|were)$/.test(toks[i - 1]?.lower ?? '')) continue; // only "X is blamed"? skip
    }
    let actors = subjectLeft(doc, reg, i, sent.from);
    if (!actors.length && SAY_VERBS.has(w)) actors = actorsAfter(reg, i + 1, Math.min(sent.to, i + 8));
    if (!actors.length) actors = pronoun(doc, i, sent.from, disc);
    if (actors.length) out.push({ at: i, actors });
  }
  return out;
}

/**
 * The subject actors left of token v: the nearest eligible actor within the clause (or up to two
 * clauses back, across appositions), with actors coordinated to it ("Canada joined the US,
 * Britain and NATO"). People win over the bodies named in their titles.
 */
export function subjectLeft(doc: Doc, reg: ActorRegistry, v: number, floor: number): FoundActor[] {
  const toks = doc.tokens;
  let clauses = 0;
  let found = -1;
  for (let j = v - 1; j >= floor; j--) {
    const t = toks[j];
    if (CLAUSE_END.has(t.text)) {
      if (++clauses > 2) break;
      continue;
    }
    if (/^(?:that|which|who|while|because|although|if|when|after|before)$/.test(t.lower) && found < 0) break;
    const a = reg.at(j);
    if (!a) continue;
    const m = mentionStart(reg, a, j);
    if (!eligibleSubject(doc, reg, m, j)) {
      j = m;
      continue;
    }
    found = j;
    break;
  }
  if (found < 0) return [];
  const head = reg.at(found)!;
  // prefer a person named in an apposition next to a body: "the EU's foreign policy chief, Josep Borrell,"
  const out: FoundActor[] = [head];
  // coordination to the left
  let j = mentionStart(reg, head, found) - 1;
  while (j >= floor) {
    let k = j;
    let bridge = 0;
    while (k >= floor && !reg.at(k) && /^(?:,|and|the|joined|was|by|along|with|together|as|well|other|allies|its|partners|including)$/.test(toks[k].lower) && bridge < 6) {
      k--;
      bridge++;
    }
    const a = k >= floor ? reg.at(k) : null;
    if (!a || bridge === 0 || a.type === 'person' || !eligibleSubject(doc, reg, mentionStart(reg, a, k), k)) break;
    if (!out.includes(a)) out.push(a);
    j = mentionStart(reg, a, k) - 1;
  }
  // coordination to the right of the head, up to the verb: "Canada joined the US, Britain … in blaming"
  for (let k = found + 1; k < v; k++) {
    const a = reg.at(k);
    if (!a || out.includes(a)) continue;
    const m = mentionStart(reg, a, k);
    if (eligibleSubject(doc, reg, m, k) && coordinatedBefore(doc, m)) out.push(a);
  }
  return out.filter(a => a.type !== 'threat-group');
}

function coordinatedBefore(doc: Doc, m: number): boolean {
  const p = doc.tokens[m - 1]?.lower;
  const p2 = doc.tokens[m - 2]?.lower;
  return p === ',' || p === 'and' || p === 'joined' || (p === 'the' && (p2 === ',' || p2 === 'and' || p2 === 'joined')) || (p === 'by' && p2 === 'joined');
}

/** Not inside a prepositional phrase, not a possessive or adjective modifier of a following noun. */
function eligibleSubject(doc: Doc, reg: ActorRegistry, m: number, last: number): boolean {
  const toks = doc.tokens;
  let p = m - 1;
  if (toks[p]?.lower === 'the') p--;
  if (p >= 0 && PREP.has(toks[p].lower)) return false;
  const a = reg.at(last);
  if (!a) return false;
  const after = toks[last + 1];
  if (after && (after.lower === "'s" || after.lower === "'")) {
    // "the UK's National Cyber Security Centre": the possessor is not the subject if a body follows
    const next = reg.at(last + 2);
    if (next) return false;
    // "China's foreign ministry spokesperson said": an unnamed speaker of that body → keep
  }
  return true;
}

function mentionStart(_reg: ActorRegistry, a: FoundActor, j: number): number {
  const m = a.mentions.find(x => x.from <= j && j < x.to);
  return m ? m.from : j;
}

function actorsAfter(reg: ActorRegistry, from: number, to: number): FoundActor[] {
  for (let j = from; j < to && j < from + 8; j++) {
    const a = reg.at(j);
    if (a && a.type !== 'threat-group') return [a];
    if (CLAUSE_END.has(reg.tokens[j].text) && j > from) break;
  }
  return [];
}

function pronoun(doc: Doc, v: number, floor: number, disc: Discourse): FoundActor[] {
  for (let j = v - 1; j >= Math.max(floor, v - 3); j--) {
    const w = doc.tokens[j].lower;
    if (PRONOUN_SG.has(w)) return disc.lastPerson ? [disc.lastPerson] : disc.lastSpeakers.slice(0, 1);
    if (PRONOUN_PL.has(w) || w === 'we' || w === 'it') return disc.lastSpeakers;
  }
  return [];
}
