import type { ActorRegistry, FoundActor } from '../actors';
import { WINDOW, type Doc } from '../doc';
import type { Trigger } from './triggers';
import { startsUpper } from '../tokens';

/** Words before an actor that make it a victim or a place, not the accused ("attacks on Ukraine"). */
const VICTIM_BEFORE = new Set(['affected', 'impacted', 'harmed', 'damaged', 'crippled', 'paralyzed', 'paralysed', 'disrupting', 'against', 'on', 'targeting', 'targeted', 'target', 'into', 'in', 'at', 'toward', 'towards', 'hacked', 'hacking', 'breached', 'compromised', 'infiltrated', 'attacked', 'hit', 'struck', 'across', 'inside', 'within', 'throughout', 'to', 'with', 'for']);
const ATTACK_NOUNS = new Set(['operations', 'networks', 'systems', 'websites', 'servers', 'computers', 'infrastructure', 'attack', 'attacks', 'hack', 'hacks', 'breach', 'breaches', 'compromise', 'intrusion', 'intrusions', 'cyberattack', 'cyberattacks', 'hacking']);
const THEFT = new Set(['theft', 'thefts', 'stolen', 'stole', 'stealing', 'heist', 'exfiltrated', 'taken', 'siphoned', 'money', 'millions', 'million', 'data']);
const HOSTILE_TYPES = new Set(['state', 'agency', 'threat-group']);

/**
 * The accused of a claim:
 * - denial: the denier's own state (or the denier);
 * - call: the actor called on ("called on Beijing to");
 * - attribution, condemnation, assessment: the hostile actors of the sentence — threat groups,
 *   objects of blame ("blaming China"), states and agencies not in a victim's or place's
 *   position and not on the claimant's side.
 */
export function accusedFor(doc: Doc, reg: ActorRegistry, s: number, t: Trigger, claimant: FoundActor, claimants: FoundActor[], lastAccused: FoundActor[] | null, allies: ReadonlySet<FoundActor>): FoundActor[] {
  const sent = doc.sentences[s];
  if (t.kind === 'denial') return [stateOf(reg, claimant)];
  if (t.kind === 'call') {
    // "The Chinese Government must end …": the subject is called on
    if (/^(?:must|should)$/.test(doc.tokens[t.from].lower)) {
      for (let j = t.from - 1; j >= sent.from && j >= t.from - 6; j--) {
        const a = reg.at(j);
        if (a && a !== claimant && a.type !== 'person') return [a];
      }
      return [];
    }
    for (let j = t.to; j < Math.min(sent.to, t.to + 4); j++) {
      const a = reg.at(j);
      if (a && a !== claimant && a.type !== 'person') return [a];
    }
    return [];
  }
  const own = new Set(claimants.map(c => c.country).filter((c): c is string => !!c));
  const anaphoric = anaphora(doc, Math.max(sent.from, t.from - WINDOW), Math.min(sent.to, t.to + WINDOW));
  const out: FoundActor[] = [];
  const tw = doc.tokens[t.from].lower;
  // "blamed the attacks on China": "on" introduces the accused unless an actor is the object
  const afterBlame = reg.at(t.to) ?? (doc.tokens[t.to]?.lower === 'the' ? reg.at(t.to + 1) : null);
  const blameOn = /^blam/.test(tw) && !afterBlame;
  // "sanctions against Russia", "charges against GRU officers"
  const against = /^(?:sanction|charge|indict)/.test(tw);
  // "attributed the attack to the Russian military", "traced it to"
  const toAccused = /^(?:attribut|traced|pinned|link|tied|ties|work|belong)/.test(tw);
  const [lo, hi] = clauseOf(doc, t.from, Math.max(sent.body, t.from - WINDOW), Math.min(sent.to, t.to + WINDOW));
  const aside = asides(doc, lo, t.from);
  for (let j = lo; j < hi; j++) {
    const a = reg.at(j);
    if (!a) continue;
    const m = reg.mentionAt(j)!;
    j = m.to - 1;
    if (out.includes(a) || claimants.includes(a) || !HOSTILE_TYPES.has(a.type) || aside.has(m.from) || allies.has(a)) continue;
    if (a.type !== 'threat-group') {
      if (a.country && own.has(a.country)) continue;
      if (isVictim(doc, m.from, blameOn, against, toAccused)) continue;
    }
    out.push(a);
  }
  // "this group", "such behaviour": the last accused named before
  if (anaphoric && lastAccused) {
    const fits = lastAccused.filter(a => !claimants.includes(a) && (anaphoric === 'any' || a.type === 'threat-group' || a.type === 'agency'));
    // "this group": the most recent group; "such attacks": everyone accused last
    const group = fits.find(a => a.type === 'threat-group') ?? fits[0];
    for (const a of anaphoric === 'group' ? (group ? [group] : []) : fits.slice(0, 3)) if (!out.includes(a)) out.push(a);
  }
  // the state behind an accused agency or group ("Russia's GRU") is accused too
  for (const a of [...out]) {
    if (a.type === 'state' || !a.country) continue;
    const st = stateOf(reg, a);
    if (st !== a && !out.includes(st) && !claimants.includes(st) && !own.has(st.country ?? '')) out.push(st);
  }
  return out;
}

/**
 * Token starts inside asides closed before the trigger: ", which was asked by Albania to
 * investigate," names no accused.
 */
function asides(doc: Doc, from: number, to: number): Set<number> {
  const out = new Set<number>();
  const toks = doc.tokens;
  for (let j = from; j < to; j++) {
    if (toks[j].text !== ',' || !/^(?:which|who|whom)$/.test(toks[j + 1]?.lower ?? '')) continue;
    let k = j + 2;
    while (k < to && toks[k].text !== ',') k++;
    if (k >= to) break; // the aside runs into the trigger: it may hold the claim itself
    for (let x = j + 2; x < k; x++) out.add(x);
    j = k - 1;
  }
  return out;
}

/**
 * Governments joining a claim: the list after "joined by", "along with", "alongside",
 * "together with", "in coordination with" ("… accused China, in an announcement joined by
 * NATO, Australia and Japan").
 */
export function alliesIn(doc: Doc, reg: ActorRegistry, from: number, to: number): FoundActor[] {
  const toks = doc.tokens;
  const out: FoundActor[] = [];
  for (let j = from; j < to; j++) {
    const w = toks[j].lower;
    const opens = (w === 'by' && toks[j - 1]?.lower === 'joined') || (w === 'with' && /^(?:along|together|coordination|concert|conjunction)$/.test(toks[j - 1]?.lower ?? '')) || w === 'alongside';
    if (!opens) continue;
    for (let k = j + 1; k < Math.min(to, j + 30); k++) {
      const a = reg.at(k);
      if (a) {
        if (!out.includes(a) && (a.type === 'state' || a.type === 'intergov' || a.type === 'agency')) out.push(a);
        k = reg.mentionAt(k)!.to - 1;
      } else if (!/^(?:,|and|the|other|its|allies|partners|including|as|well)$/.test(toks[k].lower)) break;
    }
  }
  return out;
}

/** Token range of the independent clause around token i (split at ", and", ", but", ";"). */
function clauseOf(doc: Doc, i: number, from: number, to: number): [number, number] {
  const toks = doc.tokens;
  const cut = (j: number) => toks[j].text === ';' || (toks[j].text === ',' && /^(?:and|but|while|whereas)$/.test(toks[j + 1]?.lower ?? '') && !!toks[j + 2] && startsUpper(toks[j + 2]?.text ?? toks[j + 3]?.text ?? ''));
  let lo = from;
  for (let j = i - 1; j > from; j--) if (cut(j)) { lo = j + 1; break; }
  let hi = to;
  for (let j = i + 1; j < to; j++) if (cut(j)) { hi = j; break; }
  return [lo, hi];
}

function isVictim(doc: Doc, from: number, blameOn: boolean, against: boolean, toAccused: boolean): boolean {
  const toks = doc.tokens;
  // "Russia-based gangs": a place, not an accused government
  if (toks[from + 1]?.text === '-' && /^(?:based|headquartered|registered)$/.test(toks[from + 2]?.lower ?? '')) return true;
  let p = from - 1;
  // walk back over a list: "in the United States, Europe and the Finnish parliament"
  let names = false;
  let separators = false;
  for (let k = 0; p >= 0 && k < 12; k++) {
    const t = toks[p];
    if (/^(?:the|its|their|a|an|,|and|or)$/.test(t.lower)) {
      if (/^(?:,|and|or)$/.test(t.lower)) separators = true;
      p--;
    }
    else if (startsUpper(t.text) && t.kind !== 'punct') {
      names = true;
      p--;
    } else break;
  }
  // "accused the PRC of hacking, and the DPRK of …": separators alone do not make a list
  if (!names && separators) return false;
  const w = toks[p]?.lower ?? '';
  if (w === 'on' && blameOn) return false; // "blamed the attacks on China"
  if (w === 'against' && against) return false;
  if (w === 'to' && toAccused) return false;
  if (w === 'of' && ATTACK_NOUNS.has(toks[p - 1]?.lower ?? '')) return true; // "hack of the Finnish parliament"
  if (w === 'from') return THEFT.has(toks[p - 1]?.lower ?? ''); // "theft from Bangladesh's central bank"
  if (w === 'by') return false;
  if (w === 'for' && /^(?:working|work|works|worked|acting|spying|operating|operated)$/.test(toks[p - 1]?.lower ?? '')) return false; // "hackers working for the MSS"
  return VICTIM_BEFORE.has(w);
}

/** The state an actor belongs to, when the text names it; else the actor itself. */
export function stateOf(reg: ActorRegistry, a: FoundActor): FoundActor {
  if (a.type === 'state' || !a.country) return a;
  for (const x of reg.byId.values()) if (x.type === 'state' && x.country === a.country && x.mentions.length) return x;
  return a;
}

/** "this group", "the same group" → a group; "this kind of behaviour", "such attacks" → anyone accused before. */
function anaphora(doc: Doc, from: number, to: number): 'group' | 'any' | null {
  const toks = doc.tokens;
  for (let j = from; j + 1 < to; j++) {
    const w = toks[j].lower;
    if (!/^(?:this|these|that|the|such)$/.test(w)) continue;
    let k = j + 1;
    if (/^(?:same|hacking|kind|type)$/.test(toks[k]?.lower ?? '')) k++;
    if (toks[k]?.lower === 'of') k++;
    const n = toks[k]?.lower ?? '';
    if (/^(?:group|group's|hackers|unit|actors?)$/.test(n) && w !== 'such' && w !== 'that') return 'group'; // "said that hackers" is no anaphora
    if (/^(?:ministry|agency|service|directorate)$/.test(n) && (w === 'the' || w === 'this')) return 'group'; // "hackers affiliated with the ministry"
    if (/^(?:behaviour|behavior|activity|activities|attacks?|conduct|actions?|hacking|sabotage)$/.test(n) && w !== 'the') return 'any';
  }
  return null;
}
