import type { Kb } from '../../kb';
import type { AliasHit, AliasMode } from '../../kb/trie';
import { writtenAsAlias } from '../../kb/trie';
import type { KbEntity } from '../../kb/types';
import { inDateline, WINDOW, type Doc } from '../doc';
import { fold, startsUpper } from '../tokens';
import { capitalAsAgent, demonymInGovContext, inCyberContext, isDateline } from './context';
import { fromEntity, type ActorRegistry } from './registry';

/**
 * Knowledge-base matching over the token stream: at each free token, the longest alias whose
 * mode allows it here. Run in two passes: `names` (plain, exact and cyber-only aliases) before
 * the pattern stages, `contextual` (demonyms, capitals, generic agency forms) after them.
 */
export function matchGazetteer(doc: Doc, kb: Kb, reg: ActorRegistry, pass: 'names' | 'contextual'): void {
  const modes: ReadonlySet<AliasMode> = pass === 'names' ? NAME_MODES : CONTEXT_MODES;
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (reg.owner[i] !== null || toks[i].kind === 'punct') continue;
    const matches = kb.trie.matchAt(toks, i);
    if (matches.length && overtaken(kb, toks, i, matches[0].to)) continue;
    let accepted = false;
    for (const m of matches) {
      if (!reg.free(m.from, m.to)) continue;
      for (const hit of m.hits) {
        if (!modes.has(hit.mode) || !allowed(doc, hit, m.from, m.to)) continue;
        if (hit.entity.type !== 'company' && inDateline(doc, m.from)) continue; // "TBILISI, Georgia (AP) —": places, but the agency counts
        const entity = hit.mode === 'generic' ? resolveGeneric(doc, kb, reg, hit, m.from) : hit.entity;
        if (!entity) continue;
        const actor = reg.ensure(fromEntity(entity));
        if (hit.mode === 'generic' && entity.id.startsWith('pattern:')) actor.aliases.add(hit.alias);
        if (reg.mention(actor, m.from, m.to)) {
          i = m.to - 1;
          accepted = true;
          break;
        }
      }
      if (accepted) break;
    }
  }
}

/** A match starting inside [i, end) runs further: "The Australian Signals Directorate" is not the newspaper. */
function overtaken(kb: Kb, toks: Doc['tokens'], i: number, end: number): boolean {
  for (let k = i + 1; k < end; k++) {
    const m = kb.trie.matchAt(toks, k)[0];
    if (m && m.to > end && m.hits.some(h => h.mode === 'ci' || h.mode === 'exact')) return true;
  }
  return false;
}

const NAME_MODES: ReadonlySet<AliasMode> = new Set(['ci', 'exact', 'cyber']);
const CONTEXT_MODES: ReadonlySet<AliasMode> = new Set(['demonym', 'capital', 'generic']);

function allowed(doc: Doc, hit: AliasHit, from: number, to: number): boolean {
  const toks = doc.tokens;
  // "The Australian side", "the Australian government": a demonym, not the newspaper
  if (hit.entity.type === 'company' && /^the$/i.test(hit.written[0]) && demonymInGovContext(toks, to)) return false;
  switch (hit.mode) {
    case 'ci':
      if (hit.entity.type === 'state' && /^(?:Latin|South|North|Central|East|West|Southeast|Northern|Southern|Eastern|Western)$/.test(toks[from - 1]?.text ?? '')) return false; // "Latin America"
      return caseCompatible(doc, hit, from) && !(hit.entity.type === 'state' && isDateline(doc, from, to) && !hasVerbAfter(doc, to));
    case 'exact':
      return writtenAsAlias(toks, from, hit);
    case 'cyber':
      return writtenAsAlias(toks, from, hit) && inCyberContext(doc, from, to);
    case 'demonym':
      return startsUpper(toks[from].text) && demonymInGovContext(toks, to);
    case 'capital':
      return writtenAsAlias(toks, from, hit) && !isDateline(doc, from, to) && capitalAsAgent(toks, from, to);
    case 'generic':
      return startsUpper(toks[from].text) || hit.alias === hit.alias.toLowerCase();
  }
}

/** A capitalized alias must not match an all-lower-case word ("china" the porcelain, "turkey" the bird). */
function caseCompatible(doc: Doc, hit: AliasHit, from: number): boolean {
  const alias0 = hit.written[0];
  const text0 = doc.tokens[from].text;
  if (alias0 === alias0.toLowerCase()) return true;
  if (/^\p{Ll}/u.test(text0)) return false;
  // Short all-caps acronyms must be written in caps ("Us" at a sentence start is not the US)
  if (hit.written.length === 1 && alias0.length <= 4 && alias0 === alias0.toUpperCase() && text0 !== text0.toUpperCase()) return false;
  return true;
}

function hasVerbAfter(doc: Doc, to: number): boolean {
  const n = doc.tokens[to];
  return !!n && /^(?:said|says|has|have|is|was|will)$/.test(n.lower);
}

/**
 * Generic agency forms ("Foreign Ministry") get their country from the words just before them
 * ("China's", "the Chinese"), else the nearest state named before in the sentence or the one
 * before, else the state most mentioned so far.
 */
function resolveGeneric(doc: Doc, kb: Kb, reg: ActorRegistry, hit: AliasHit, from: number): KbEntity | null {
  // "Russia's GRU military intelligence agency": an apposition of the agency just named
  const prevActor = reg.at(from - 1);
  if (prevActor?.type === 'agency' && prevActor.entity) return prevActor.entity;
  const ministry = /ministry|foreign office/i.test(hit.alias);
  const speaker = speakerCountry(doc, reg, from + hit.written.length) ?? placeCountry(doc, kb, from + hit.written.length);
  if (speaker) return genericFor(kb, hit, speaker);
  const lower = /^\p{Ll}/u.test(doc.tokens[from].text);
  const cc = ministry && !lower ? contextCountry(doc, kb, reg, from) : directCountry(doc, kb, reg, from);
  return cc ? genericFor(kb, hit, cc) : null;
}

/** The agency of country `cc` that a generic form denotes, from the KB or made from the form. */
function genericFor(kb: Kb, hit: AliasHit, cc: string): KbEntity | null {
  const key = fold(hit.alias);
  const canonical = kb.genericCanonical.get(key);
  // the exact form, else another form of the same kind ("military intelligence service" ~ "military intelligence")
  const known = kb.genericIndex.get(key)?.find(e => e.country === cc) ?? (canonical ? kb.genericByKind.get(`${canonical}|${cc}`) : undefined);
  if (known) return known;
  const state = kb.stateByCc.get(cc);
  if (!state || !canonical) return null;
  return {
    id: `pattern:${cc.toLowerCase()}-${canonical.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    name: `${canonical} of ${state.name}`,
    type: 'agency',
    country: cc,
    aliases: [],
    kb: null,
    parent: state.id,
  };
}

/** "the Foreign Ministry in Beijing": the country of the capital named right after. */
function placeCountry(doc: Doc, kb: Kb, to: number): string | null {
  return doc.tokens[to]?.lower === 'in' ? (kb.capitalCc.get(doc.tokens[to + 1]?.text ?? '') ?? null) : null;
}

/** "Foreign Ministry spokeswoman Maria Zakharova": the country of the official named right after. */
function speakerCountry(doc: Doc, reg: ActorRegistry, to: number): string | null {
  let j = to;
  while (j < to + 3 && doc.tokens[j] && /^\p{Ll}/u.test(doc.tokens[j].text)) j++;
  const a = reg.at(j);
  return a && (a.type === 'official' || a.type === 'person') ? a.country : null;
}

/** The country named right before token `from`: "China's", "the Chinese", "Russia’s". */
function directCountry(doc: Doc, kb: Kb, reg: ActorRegistry, from: number): string | null {
  let j = from - 1;
  if (j >= 0 && (doc.tokens[j].lower === "'s" || doc.tokens[j].lower === "'")) j--;
  const before = j >= 0 ? reg.at(j) : null;
  if (before && (before.type === 'state' || before.type === 'agency')) return before.country;
  return j >= 0 ? demonymCountry(doc, kb, j) : null;
}

/** The country the words before token `from` point to. */
export function contextCountry(doc: Doc, kb: Kb, reg: ActorRegistry, from: number): string | null {
  const toks = doc.tokens;
  // "China's Foreign Ministry", "the Chinese Foreign Ministry", "Russia’s"
  let j = from - 1;
  if (j >= 0 && (toks[j].lower === "'s" || toks[j].lower === "'")) j--;
  const before = j >= 0 ? reg.at(j) : null;
  if (before?.country) return before.country;
  if (j >= 0) {
    const demonymCc = demonymCountry(doc, kb, j);
    if (demonymCc) return demonymCc;
  }
  const s = toks[from].sentence;
  const sent = doc.sentences[s];
  for (const range of [
    [Math.max(sent.from, from - WINDOW), from],
    [Math.max(doc.sentences[s - 1]?.from ?? 0, (doc.sentences[s - 1]?.to ?? 0) - WINDOW), doc.sentences[s - 1]?.to ?? 0],
  ]) {
    for (let k = range[1] - 1; k >= range[0]; k--) {
      const a = reg.at(k);
      if (a && a.type === 'state' && a.country) return a.country;
    }
  }
  // the state the article is most about, leaving out states named later in this sentence
  // (they are what the body speaks about: "the Ministry of Foreign Affairs said Russia …")
  const later = new Set<string>();
  for (let k = from; k < Math.min(sent.to, from + WINDOW); k++) {
    const a = reg.at(k);
    if (a?.type === 'state' && a.country) later.add(a.country);
  }
  const counts = new Map<string, number>();
  for (const a of reg.byId.values()) if (a.type === 'state' && a.country && !later.has(a.country)) counts.set(a.country, (counts.get(a.country) ?? 0) + a.mentions.length);
  let best: string | null = null;
  for (const [cc, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = cc;
  return best;
}

/** ISO code of a capitalized demonym at token j ("Chinese"). */
export function demonymCountry(doc: Doc, kb: Kb, j: number): string | null {
  const t = doc.tokens[j];
  if (!t || !startsUpper(t.text)) return null;
  return kb.demonymCc.get(t.lower) ?? null;
}
