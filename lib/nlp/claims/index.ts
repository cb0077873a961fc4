import type { Claim, ClaimKind } from '../../types';
import type { ActorRegistry, FoundActor } from '../actors';
import { findConfidence } from '../confidence';
import { WINDOW, type Doc } from '../doc';
import { accusedFor, alliesIn } from './accused';
import { quoteMap, type QuoteMap } from './quotes';
import { CLAUSE_END, collective, findReporters, pronounSubject, subjectLeft, type Discourse, type Reporter } from './speakers';
import { findTriggers, type Trigger } from './triggers';
import { startsUpper } from '../tokens';

/**
 * Claims, sentence by sentence: each trigger ("blamed", "denied", "is responsible", "called on")
 * gets its claimant (the trigger's subject, else the speaker of the reporting clause or of the
 * enclosing quote) and the accused; one claim per (claimant, kind) per sentence.
 */
export function findClaims(doc: Doc, reg: ActorRegistry): Claim[] {
  const out: Claim[] = [];
  const disc: Discourse = { lastSpeakers: [], lastPerson: null };
  const quotes = quoteMap(doc);
  let lastAccused: FoundActor[] | null = null;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    const reporters = findReporters(doc, reg, s, disc);
    const quoteSpeaker = quoteSpeakerOf(doc, reg, s, quotes, disc);
    const triggers = findTriggers(doc.tokens, sent.from, sent.to);
    const text = doc.text.slice(sent.start, sent.end);
    const conf = findConfidence(text);
    if (conf && conf.expresses === 'likelihood' && !triggers.some(t => t.kind === 'attribution')) {
      const at = tokenAt(doc, sent.start + conf.index, sent.from, sent.to);
      triggers.push({ kind: 'assessment', role: 'content', from: at, to: at + 1, passive: false });
    }
    const nouns = triggers.filter(t => t.noun && t.kind === 'attribution');
    // once per sentence: every rule below stays linear in the sentence's length
    const allies = triggers.length ? alliesIn(doc, reg, sent.from, sent.to) : [];
    const alliesSet = new Set(allies);
    const bySentence = new Map<string, Claim>();
    for (const t of triggers) {
      const earlier = [...new Set([...bySentence.values()].map(c => reg.byId.get(c.claimant ?? '')).filter((a): a is FoundActor => !!a))];
      let claimants = claimantsOf(doc, reg, t, reporters, quoteSpeaker, quotes, nouns, disc, earlier);
      // co-claimants: "… accused China, in an announcement joined by NATO and Japan"
      if (t.role === 'subject' && (t.kind === 'attribution' || t.kind === 'condemnation') && claimants.length && claimants.every(c => c.type !== 'person' && c.type !== 'official')) {
        for (const a of allies) if (!claimants.includes(a)) claimants = [...claimants, a];
      }
      for (const c of claimants) {
        const accused = accusedFor(doc, reg, s, t, c, claimants, lastAccused, alliesSet);
        if (!keep(doc, s, t, accused)) continue;
        const key = `${c.id}|${t.kind}`;
        const prev = bySentence.get(key);
        if (prev) {
          for (const a of accused) if (!prev.accused.includes(a.id)) prev.accused.push(a.id);
          continue;
        }
        const country = c.country;
        const confidence = t.kind === 'attribution' || t.kind === 'assessment' ? findConfidence(text, country) : null;
        bySentence.set(key, {
          id: '',
          kind: t.kind,
          claimant: c.id,
          accused: accused.map(a => a.id),
          sentence: text,
          start: sent.start,
          end: sent.end,
          quote: quotes.inside(doc.tokens[t.from].start) || sent.inQuote,
          confidence: confidence ? { phrase: confidence.phrase, scale: confidence.scale, probability: confidence.probability, term: confidence.term, expresses: confidence.expresses } : null,
          trigger: { start: doc.tokens[t.from].start, end: doc.tokens[t.to - 1].end },
        });
      }
    }
    dropWeakAssessments(bySentence);
    dropRebuttedNouns(bySentence, triggers, doc);
    dropCounterAccusations(bySentence);
    const attributed = [...bySentence.values()].filter(c => c.kind === 'attribution' && c.accused.length).at(-1);
    // everyone accused so far, the most recent first ("the same hackers" looks back for a group)
    if (attributed) {
      const now = attributed.accused.map(id => reg.byId.get(id)).filter((a): a is FoundActor => !!a);
      const before: FoundActor[] = lastAccused ?? [];
      lastAccused = [...now, ...before.filter(a => !now.includes(a))];
    }
    for (const c of bySentence.values()) out.push(c);
    remember(disc, reporters);
  }
  out.forEach((c, i) => (c.id = `c${i + 1}`));
  return out;
}

function claimantsOf(doc: Doc, reg: ActorRegistry, t: Trigger, reporters: Reporter[], quoteSpeaker: FoundActor[], quotes: QuoteMap, nouns: Trigger[], disc: Discourse, earlier: FoundActor[]): FoundActor[] {
  const sent = doc.sentences[doc.tokens[t.from].sentence];
  if (t.passive) {
    const by = agentAfter(doc, reg, t.to, sent.to);
    if (by.length) return by;
  }
  const inQuote = quotes.inside(doc.tokens[t.from].start);
  if (t.noun) return nounHolder(doc, reg, t, sent.to);
  // the reporting or holding clause before the trigger, on the same side of the quotation marks:
  // "Baerbock said the German government blamed Russia" → the speaker is the claimant
  // the outermost one: "Baerbock said the government believes Russia is behind" → Baerbock
  // (a speaker outside quotation marks also governs a quote that follows: he claimed that “…”)
  const sameSide = reporters.find(r => r.at < t.from && (!quotes.inside(doc.tokens[r.at].start) || inQuote));
  // a reporter governs a subject trigger of its own clause, not one after a comma
  // ("…, the minister said on Tuesday, an accusation Russia denies")
  const governs = sameSide && t.from - sameSide.at <= WINDOW && !doc.tokens.slice(sameSide.at, t.from).some((x, k) => x.text === ';' || (x.text === ',' && !listComma(reg, sameSide.at + k)));
  if (t.role === 'subject' && !t.passive && !governs) {
    const subj = subjectLeft(doc, reg, t.from, sent.from);
    if (subj.length) return subj;
    const p = pronounSubject(doc, t.from, sent.from);
    // "…, which it attributed to APT28": the subject named earlier in the sentence
    if (p && earlier.length) return earlier;
    if (p === 'sg' && disc.lastPerson) return [disc.lastPerson];
    const group = p === 'pl' ? collective(reg, disc.lastSpeakers) : [];
    if (group.length) return group;
  }
  if (t.role === 'content' && t.kind === 'attribution' && nouns.some(n => n.from < t.from && (!sameSide || sameSide.at < n.from))) return []; // "allegations that X was behind" belong to the noun's holder
  if (sameSide) return sameSide.actors;
  const after = reporters.find(r => r.at > t.from);
  if (after) return after.actors;
  // a quote or participle inside a sentence whose speaker is already known:
  // 'Mao rejected the accusations, calling them "groundless smears"'
  if (earlier.length) return earlier;
  if (inQuote || sent.inQuote) return quoteSpeaker;
  const before = reporters.filter(r => r.at < t.from).at(-1);
  return before ? before.actors : [];
}

/** "Norway's accusations", "its first public condemnation" (→ the clause subject), "accusations by the US". */
function nounHolder(doc: Doc, reg: ActorRegistry, t: Trigger, end: number): FoundActor[] {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[t.from].sentence];
  for (let j = t.from - 1; j >= Math.max(sent.from, t.from - 4); j--) {
    const w = toks[j].lower;
    if (/^(?:its|their|his|her)$/.test(w)) return subjectLeft(doc, reg, j, sent.from);
    const a = reg.at(j);
    if (a && a.type !== 'threat-group') return [a];
    if (toks[j].kind === 'punct' && w !== "'s" && w !== "'") break;
  }
  const by = agentAfter(doc, reg, t.to, end);
  if (by.length) return by;
  // "the Australian government spearheaded the public attribution of …": the verb's subject,
  // when the noun is the verb's object (not "a round of denunciations")
  let j = t.from - 1;
  while (j > sent.from && /^(?:the|a|an|its|public|formal|official|joint|first|new|latest|rare)$/.test(toks[j].lower)) j--;
  const before = toks[j];
  if (!before || before.kind === 'punct' || /^(?:of|in|on|for|with|by|to|from|about|over|against|and|or)$/.test(before.lower) || startsUpper(before.text)) return [];
  return subjectLeft(doc, reg, t.from, sent.from);
}

/** A comma between two actors of a list ("the United States, Britain and New Zealand"). */
function listComma(reg: ActorRegistry, k: number): boolean {
  const after = reg.tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
  return !!reg.at(k - 1) && !!reg.at(after);
}

/** "by the US and Britain" after a passive trigger. */
function agentAfter(doc: Doc, reg: ActorRegistry, from: number, to: number): FoundActor[] {
  for (let j = from; j < Math.min(to, from + 4); j++) {
    if (doc.tokens[j].lower !== 'by') continue;
    const out: FoundActor[] = [];
    for (let k = j + 1; k < to && k < j + 14; k++) {
      const a = reg.at(k);
      if (a && !out.includes(a) && a.type !== 'threat-group') out.push(a);
      else if (!a && !/^(?:,|and|the|other|its)$/.test(doc.tokens[k].lower)) break;
    }
    return out;
  }
  return [];
}

function keep(doc: Doc, s: number, t: Trigger, accused: FoundActor[]): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  const cyber = sent.cyber > 0 || doc.cyberTerms >= 3;
  // an intelligence service or a threat group accused in an article that speaks of hacking at all
  const spies = doc.cyberTerms >= 1 && accused.some(a => a.type === 'agency' || a.type === 'threat-group');
  switch (t.kind) {
    case 'attribution':
      return accused.length > 0 && (cyber || spies);
    case 'denial': {
      const w = toks[t.from].lower;
      if (t.role === 'content' || /^(?:deny|denied|denies|denying|denial|denials|deflected|distance)$/.test(w)) return cyber;
      for (let k = t.to; k < Math.min(sent.to, t.to + 5); k++) if (/^(?:accusations?|allegations?|claims?|charges?|reports?|blame|involvement|it|them|suggestions?|assertions?|attribution)$/.test(toks[k].lower)) return cyber;
      return false;
    }
    case 'condemnation':
      return cyber && (t.role === 'subject' || accused.length > 0 || (/^(?:unacceptable|tolerate|reckless|accept|provocation|violation|violations|violates|violated)$/.test(toks[t.from].lower) && (HOSTILE_NOUNS.test(doc.text.slice(sent.start, sent.end)) || /^(?:it|this|that|these)$/.test(toks[t.from - 2]?.lower ?? '') || /^(?:it|this|that|these)$/.test(toks[t.from - 3]?.lower ?? '') || /^(?:it|this|that|these|such)$/.test(toks[t.to]?.lower ?? ''))));
    case 'call':
      return cyber;
    case 'assessment':
      return sent.cyber > 0;
  }
}

/** The speaker of a quote that sentence s stands in: the reporting clause that ends the quote, else the speaker before. */
function quoteSpeakerOf(doc: Doc, reg: ActorRegistry, s: number, quotes: QuoteMap, disc: Discourse): FoundActor[] {
  const sent = doc.sentences[s];
  if (!sent.hasQuote && !quotes.inside(sent.start)) return disc.lastSpeakers;
  for (let k = s; k < doc.sentences.length && k < s + 4; k++) {
    const other = doc.sentences[k];
    if (other.paragraph !== sent.paragraph) break;
    const r = findReporters(doc, reg, k, disc).find(x => !quotes.inside(doc.tokens[x.at].start));
    if (r) return r.actors;
  }
  return disc.lastSpeakers;
}

function remember(disc: Discourse, reporters: Reporter[]): void {
  const last = reporters.at(-1);
  if (last) disc.lastSpeakers = last.actors;
  const p = disc.lastSpeakers.find(a => a.type === 'official' || a.type === 'person');
  if (p) disc.lastPerson = p;
}

/** Nouns of hostile conduct: a bare "unacceptable" condemns only when one is named. */
const HOSTILE_NOUNS = /\b(?:attacks?|behaviou?r|activit(?:y|ies)|conduct|actions?|operations?|hacking|campaign|provocation|incident|interference)\b/i;

/**
 * "The embassy said Norway's accusations were groundless": in a sentence that carries a denial,
 * an attribution found only through the noun "accusations" is the thing denied, not a new claim.
 */
function dropRebuttedNouns(claims: Map<string, Claim>, triggers: Trigger[], doc: Doc): void {
  if (![...claims.values()].some(c => c.kind === 'denial')) return;
  for (const [key, c] of claims) {
    if (c.kind !== 'attribution') continue;
    const t = triggers.find(x => x.kind === 'attribution' && c.trigger && doc.tokens[x.from].start === c.trigger.start);
    if (t?.noun) claims.delete(key);
  }
}

/**
 * "Zhao accused Washington of smearing China without evidence": who denies in a sentence is
 * rebutting, not attributing cyber activity.
 */
function dropCounterAccusations(claims: Map<string, Claim>): void {
  for (const [key, c] of claims) if (c.kind === 'attribution' && claims.has(`${c.claimant}|denial`)) claims.delete(key);
}

/** An assessment by a claimant who also attributes in the same sentence adds nothing. */
function dropWeakAssessments(claims: Map<string, Claim>): void {
  for (const [key, c] of claims) {
    if (c.kind === 'assessment' && claims.has(`${c.claimant}|attribution`)) {
      const attribution = claims.get(`${c.claimant}|attribution`)!;
      attribution.confidence ??= c.confidence;
      claims.delete(key);
    }
  }
}

function tokenAt(doc: Doc, offset: number, from: number, to: number): number {
  for (let j = from; j < to; j++) if (doc.tokens[j].end > offset) return j;
  return Math.max(from, to - 1);
}

export type { ClaimKind };
export { CLAUSE_END };
