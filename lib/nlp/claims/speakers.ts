import { WINDOW, type Doc } from '../doc';
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
const PRONOUN_PL = new Set(['they', 'ministers', 'officials', 'statement', 'ministry', 'agency', 'government', 'department', 'office', 'report', 'advisory', 'we', 'it']);
/** "he said", "the minister insists": the last person who spoke. */
const PRONOUN_SG = new Set(['he', 'she', 'her', 'him', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'director', 'chief', 'adviser', 'advisor', 'premier', 'president']);
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
      let a = actorsAfter(reg, i + 2, sent.to);
      if (!a.length && PRONOUN_SG.has(toks[i + 2]?.lower ?? '')) a = personOrSpeaker(disc);
      if (!a.length && toks[i + 2]?.lower === 'them') a = collective(reg, disc.lastSpeakers);
      if (a.length) out.push({ at: i, actors: a });
      continue;
    }
    const say = isSayVerb(toks[i]);
    if (!say && !(HOLDER.has(w) && toks[i].text === w)) continue;
    if (toks[i + 1]?.lower === 'to' && toks[i + 2]?.lower !== 'reuters') continue; // "believed to be", "said to have": a hedge, not a speaker
    if (w === 'accused' || w === 'blamed') {
      if (!/^(?:is|are|was|were)$/.test(toks[i - 1]?.lower ?? '')) continue; // only "X is blamed"? skip
    }
    // "…,” they said": a pronoun right before the verb is its subject
    const pron = /^(?:he|she|they|we|it)$/.test(toks[i - 1]?.lower ?? '') ? pronounAt(doc, i, sent.from) : null;
    let actors = pron ? [] : subjectLeft(doc, reg, i, sent.from);
    // inverted: "…,” said the British government", ", said Josep Borrell"
    if (!actors.length && say && /^[,”"’]$/.test(toks[i - 1]?.text ?? '')) actors = actorsAfter(reg, i + 1, Math.min(sent.to, i + 8));
    if (!actors.length) {
      const def = definiteBody(doc, reg, i, sent.from);
      if (def) actors = [def];
    }
    if (!actors.length) {
      // "The FBI said it determined …": a pronoun after a reporting clause is its subject;
      // "Western governments said they …": an unnamed subject stays unnamed
      const p = pronounAt(doc, i, sent.from);
      if (p) actors = unnamedSubject ? [] : (out.at(-1)?.actors ?? sentenceSubject(doc, reg, sent.body, i, p) ?? (p === 'sg' ? personOrSpeaker(disc) : collective(reg, disc.lastSpeakers)));
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
  floor = Math.max(floor, doc.sentences[toks[v]?.sentence ?? 0]?.body ?? floor, v - WINDOW);
  // the verb's clause region: back to a word that opens a new clause
  let lo = floor;
  for (let j = v - 1; j > floor; j--) {
    const w = toks[j].lower;
    if (BOUNDARY.has(w) || isSayVerb(toks[j]) || (w === 'and' && toks[j - 1]?.text === ',') || (w === 'but' && toks[j - 1]?.text === ',')) {
      lo = j + 1;
      break;
    }
  }
  // comma-separated chunks of that region, nearest first
  const chunks: Array<[number, number]> = [];
  let end = v;
  for (let j = v - 1; j >= lo; j--) {
    if (toks[j].text === ',' || toks[j].text === '—' || toks[j].text === '–' || toks[j].text === '(' || toks[j].text === ')') {
      if (end > j + 1) chunks.push([j + 1, end]);
      end = j;
    }
  }
  if (end > lo) chunks.push([lo, end]);
  let out: FoundActor[] = [];
  // "Peter Wilson, who was also present, said": the subject stands before "who"
  if (lo > floor && /^(?:who|which)$/.test(toks[lo - 1].lower) && !eligibleIn(doc, reg, lo, v).length) {
    for (let j = lo - 2; j >= floor && j >= lo - 8; j--) {
      const a = reg.at(j);
      if (a && a.type !== 'threat-group') return [a];
    }
  }
  let k = 0;
  for (; k < chunks.length; k++) {
    out = eligibleIn(doc, reg, chunks[k][0], chunks[k][1]);
    if (out.length) break;
  }
  if (!out.length) return [];
  // apposition: "Josep Borrell, the EU's foreign policy chief, said" → the person
  if (!out.some(isPerson)) {
    const prev = chunks[k + 1];
    const last = prev ? reg.at(prev[1] - 1) : null;
    if (last && isPerson(last)) return [last];
  }
  // a list: "Canada joined the US, Britain, the European Union and NATO in accusing"
  for (let j = k + 1; j < chunks.length; j++) {
    const [a, b] = chunks[j];
    const more = eligibleIn(doc, reg, a, b);
    // a list item, or a list's head ending right before its comma ("agencies from the United States, Australia …")
    const listy = b - a <= 4 || !!reg.at(b - 1) || toks.slice(a, b).some(x => /^(?:joined|along|together|alongside)$/.test(x.lower));
    if (!more.length || !listy || more.some(isPerson) !== out.some(isPerson)) break;
    for (const m of more) if (!out.includes(m)) out.push(m);
  }
  const people = out.filter(isPerson);
  return people.length ? people : out;
}

function isPerson(a: FoundActor): boolean {
  return a.type === 'person' || a.type === 'official';
}

/** Eligible subject actors in tokens [a, b). */
function eligibleIn(doc: Doc, reg: ActorRegistry, a: number, b: number): FoundActor[] {
  const out: FoundActor[] = [];
  for (let j = a; j < b; j++) {
    const x = reg.at(j);
    if (!x) continue;
    const m = reg.mentionAt(j)!;
    j = m.to - 1;
    if (x.type === 'threat-group' || out.includes(x)) continue;
    if (eligibleSubject(doc, reg, m.from, m.to - 1)) out.push(officialOf(doc, reg, x, m.to));
  }
  return out;
}

/**
 * "The FBI chief said" → the FBI's official named in the article; "the Norwegian foreign
 * minister said" → the Norwegian official whose role is foreign minister.
 */
function officialOf(doc: Doc, reg: ActorRegistry, a: FoundActor, to: number): FoundActor {
  if (a.type === 'state') return officialByRole(doc, reg, a, to);
  if (a.type !== 'agency' || !ROLE_NOUNS.has(doc.tokens[to]?.lower ?? '')) return a;
  for (const p of reg.byId.values()) {
    if (p.type !== 'official' || !p.mentions.length) continue;
    if (p.entity?.parent === a.id || (p.role && a.mentions.some(m => p.role!.includes(m.text)))) return p;
  }
  return a;
}
function officialByRole(doc: Doc, reg: ActorRegistry, state: FoundActor, to: number): FoundActor {
  const words: string[] = [];
  let j = to;
  while (j < to + 4 && doc.tokens[j] && /^\p{Ll}/u.test(doc.tokens[j].text) && !ROLE_NOUNS.has(doc.tokens[j].lower)) words.push(doc.tokens[j++].lower);
  const noun = doc.tokens[j]?.lower;
  if (!noun || !ROLE_NOUNS.has(noun) || reg.at(j + 1)) return state;
  const fold = (s: string) => s.toLowerCase().replace(/defense/g, 'defence');
  for (const p of reg.byId.values()) {
    if (p.type !== 'official' || (p.country && p.country !== state.country) || !p.mentions.length) continue;
    const role = fold(p.role ?? p.entity?.role ?? '');
    if (role.includes(noun) && words.every(w => role.includes(fold(w)))) return p;
  }
  return state;
}

const ROLE_NOUNS = new Set(['chief', 'director', 'head', 'minister', 'secretary', 'boss', 'commissioner', 'chair', 'chairman', 'spokesman', 'spokeswoman', 'spokesperson']);

/** Words that open a new clause: the subject of a later verb is not before them. */
const BOUNDARY = new Set([';', 'that', 'which', 'who', 'whom', 'while', 'because', 'although', 'though', 'if', 'when', 'after', 'before', 'since', 'whereas', '“', '”', '"', ':']);

/** Not inside a prepositional phrase, not a possessive or adjective modifier of a following actor. */
function eligibleSubject(doc: Doc, reg: ActorRegistry, m: number, last: number): boolean {
  const toks = doc.tokens;
  let p = m - 1;
  while (p >= 0 && /^(?:the|its|other|fellow)$/.test(toks[p].lower)) p--;
  const w = toks[p]?.lower ?? '';
  if (PREP.has(w)) {
    const w2 = toks[p - 1]?.lower ?? '';
    // "a statement from a Chinese Ministry of Foreign Affairs spokesperson", "remarks by the minister"
    if ((w === 'from' || w === 'of') && /^(?:agencies|officials|authorities|ministers|representatives|diplomats|governments|delegations|agency|services)$/.test(w2)) return true; // "security agencies from the United States"
    if (w === 'of' && (ROLE_NOUNS.has(w2) || /^(?:government|ministry|spokesperson|representative)$/.test(w2))) return true; // "the foreign minister of Canada"
    if ((w === 'from' || w === 'by') && /^(?:statement|statements|report|remarks|comments|spokesperson|spokesman|spokeswoman|advisory|letter|post)$/.test(toks[p - 1]?.lower === 'a' ? '' : w2)) return true;
    const joinedBy = w === 'by' && [1, 2, 3].some(d => toks[p - d]?.lower === 'joined');
    if (!(joinedBy || (w === 'with' && /^(?:along|together|alongside)$/.test(w2)))) return false;
  }
  let n = last + 1;
  if (toks[n] && (toks[n].lower === "'s" || toks[n].lower === "'")) n++;
  // "the UK's National Cyber Security Centre", "Chinese foreign ministry spokesperson Lin Jian"
  const next = reg.at(n);
  return !(next && next !== reg.at(last));
}

/** Actors of the noun phrase after a verb ("according to White House adviser Anne Neuberger"): people first. */
function actorsAfter(reg: ActorRegistry, from: number, to: number): FoundActor[] {
  const found: FoundActor[] = [];
  for (let j = from; j < to && j < from + 10; j++) {
    if (CLAUSE_END.has(reg.tokens[j].text) && j > from) break;
    const a = reg.at(j);
    if (a && a.type !== 'threat-group' && !found.includes(a)) found.push(a);
  }
  const people = found.filter(isPerson);
  // "according to the UK's National Cyber Security Centre" → the centre, not the UK
  return people.length ? people.slice(0, 1) : found.slice(-1);
}

function quoteAfter(doc: Doc, i: number): boolean {
  return /^[“"‘]$/.test(doc.tokens[i + 1]?.text ?? '');
}

/**
 * "The Justice Department unsealed charges against four men it said worked for …": a pronoun
 * later in the sentence refers to the sentence's own subject (a body for "it", anyone for "they").
 */
function sentenceSubject(doc: Doc, reg: ActorRegistry, from: number, to: number, p: 'sg' | 'pl'): FoundActor[] | null {
  for (let j = from; j < Math.min(to, from + WINDOW); j++) {
    const a = reg.at(j);
    if (!a) continue;
    const m = reg.mentionAt(j)!;
    j = m.to - 1;
    if (!eligibleSubject(doc, reg, m.from, m.to - 1)) continue;
    if (p === 'sg' ? isPerson(a) : a.type !== 'threat-group') return [a];
    return null;
  }
  return null;
}

/** Heads of body names that "the HEAD said" refers back to ("the embassy said" → the embassy named before). */
const BODY_HEADS = new Set(['embassy', 'ministry', 'agency', 'bureau', 'department', 'centre', 'center', 'council', 'parliament', 'office', 'committee', 'service', 'command', 'directorate', 'alliance', 'bloc', 'company', 'firm']);

/**
 * "…,” the embassy said": a definite description right before the verb names the most recent
 * actor whose name has that head noun ("Embassy of Russia in Norway").
 */
function definiteBody(doc: Doc, reg: ActorRegistry, v: number, floor: number): FoundActor | null {
  const toks = doc.tokens;
  const head = toks[v - 1]?.lower ?? '';
  if (!BODY_HEADS.has(head) || !/^(?:the|this)$/.test(toks[v - 2]?.lower ?? '') || v - 2 < floor) return null;
  let best: FoundActor | null = null;
  let bestAt = -1;
  for (const a of reg.byId.values()) {
    const name = a.name.toLowerCase();
    const fits = name.includes(head) || (head === 'alliance' && a.id === 'io:nato') || (head === 'bloc' && a.id === 'io:eu') || ((head === 'company' || head === 'firm') && a.type === 'company');
    if (!fits) continue;
    for (const m of a.mentions) if (m.from < v - 2 && m.from > bestAt) {
      best = a;
      bestAt = m.from;
    }
  }
  return best;
}

/** The pronoun subject of a trigger verb: "They accused …", "The minister insists …". */
export function pronounSubject(doc: Doc, v: number, floor: number): 'sg' | 'pl' | null {
  return pronounAt(doc, v, floor);
}

/**
 * A pronoun or stand-in subject just before the verb at v: 'sg' ("he", "the minister") or
 * 'pl' ("they", "the ministers", "the statement"). Nouns count only as "the/this NOUN" right
 * before the verb ("a Foreign Ministry spokesman said" names its body instead).
 */
function pronounAt(doc: Doc, v: number, floor: number): 'sg' | 'pl' | null {
  const toks = doc.tokens;
  for (let j = v - 1; j >= Math.max(floor, v - 3); j--) {
    const w = toks[j].lower;
    if (/^(?:he|she)$/.test(w)) return 'sg';
    if (/^(?:they|we|it)$/.test(w)) return 'pl';
  }
  let j = v - 1;
  // "the ministers went on to allege", "the minister has also said"
  while (j > floor && /^(?:also|later|then|previously|earlier|further|has|have|had|went|on|to|would|will|again)$/.test(toks[j].lower)) j--;
  const noun = toks[j]?.lower ?? '';
  let d = j - 1;
  while (d > floor && /^(?:two|three|four|joint|foreign|defence|defense|senior|british|dutch)$/.test(toks[d].lower)) d--;
  if (!/^(?:the|this|that)$/.test(toks[d]?.lower ?? '')) return null;
  if (PRONOUN_SG.has(noun)) return 'sg';
  if (PRONOUN_PL.has(noun)) return 'pl';
  return null;
}

/**
 * "they said" after several officials of one government spoke: the government itself
 * ("the ministers" of Canada → Canada); else the speakers as they are.
 */
export function collective(reg: ActorRegistry, speakers: FoundActor[]): FoundActor[] {
  const people = speakers.filter(isPerson);
  if (people.length < 2) return speakers;
  const cc = people[0].country;
  if (!cc || !people.every(p => p.country === cc)) return speakers;
  for (const a of reg.byId.values()) if (a.type === 'state' && a.country === cc && a.mentions.length) return [a];
  return speakers;
}

function personOrSpeaker(disc: Discourse): FoundActor[] {
  return disc.lastPerson ? [disc.lastPerson] : disc.lastSpeakers.slice(0, 1);
}
