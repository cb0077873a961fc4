import type { Kb } from '../../kb';
import type { KbEntity } from '../../kb/types';
import type { Doc } from '../doc';
import { NOT_NAME } from '../lexicon';
import { startsUpper, type Token } from '../tokens';
import { contextCountry, demonymCountry } from './gazetteer';
import { fromEntity, type ActorRegistry } from './registry';

/**
 * Actors found by the shape of their names rather than the knowledge base: threat-group codes
 * and naming schemes (APT41, Storm-0558, "Flax Typhoon", "Cozy Bear"), military units
 * ("Unit 29155"), embassies ("the Chinese embassy in Washington"), parliaments ("the Finnish
 * parliament") and capitalized government bodies ("Hainan State Security Department").
 */
export function matchPatterns(doc: Doc, kb: Kb, reg: ActorRegistry): void {
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (reg.owner[i] !== null || toks[i].kind === 'punct') continue;
    const found = threatCode(doc, kb, reg, i) || threatName(doc, reg, i) || militaryUnit(doc, kb, reg, i) || embassy(doc, kb, reg, i) || parliament(doc, kb, reg, i);
    if (found) i = found - 1;
  }
  for (let i = 0; i < toks.length; i++) {
    if (reg.owner[i] !== null) continue;
    const end = agencyPhrase(doc, kb, reg, i);
    if (end) i = end - 1;
  }
}

const CODE_PREFIX = /^(?:apt|unc|ta|fin|temp|dev|storm|uac|uat|tag|sig|cl)$/;
const CODE_TOKEN = /^(?:APT|UNC|TA|FIN|DEV|UAC|UAT|TAG)\d{1,5}$/;

/** "APT41", "APT 41", "Storm-0558", "UNC2452", "Advanced Persistent Threat (Group) 40". Returns the end token. */
function threatCode(doc: Doc, kb: Kb, reg: ActorRegistry, i: number): number {
  const toks = doc.tokens;
  let name: string | null = null;
  let to = i + 1;
  if (CODE_TOKEN.test(toks[i].text)) name = toks[i].text;
  else if (CODE_PREFIX.test(toks[i].lower) && startsUpper(toks[i].text)) {
    let j = i + 1;
    if (toks[j]?.text === '-') j++;
    if (toks[j] && /^\d{1,5}$/.test(toks[j].text)) {
      const sep = toks[i].lower === 'storm' || toks[i].lower === 'dev' || toks[i].lower === 'uac' ? '-' : '';
      name = toks[i].text.toUpperCase().replace(/^STORM$/, 'Storm') + sep + toks[j].text;
      to = j + 1;
    }
  } else if (toks[i].text === 'Advanced' && toks[i + 1]?.lower === 'persistent' && toks[i + 2]?.lower === 'threat') {
    let j = i + 3;
    if (toks[j]?.lower === 'group') j++;
    if (toks[j] && /^\d{1,3}$/.test(toks[j].text)) {
      name = `APT${toks[j].text}`;
      to = j + 1;
    }
  }
  if (!name || !reg.free(i, to)) return 0;
  const known = lookupName(kb, name);
  const id = known?.id ?? `pattern:group-${name.toLowerCase()}`;
  const actor = reg.ensure(known ? fromEntity(known) : { id, name, type: 'threat-group', country: null, kb: null, entity: null });
  return reg.mention(actor, i, to) ? to : 0;
}

/** Vendor naming schemes: the second word gives the (suspected) sponsor. */
const SCHEME_COUNTRY = new Map<string, string | null>(Object.entries({
  typhoon: 'CN', blizzard: 'RU', sandstorm: 'IR', sleet: 'KP', hail: 'KR', dust: 'TR', cyclone: 'VN',
  panda: 'CN', bear: 'RU', kitten: 'IR', chollima: 'KP', tiger: 'IN', leopard: 'PK', buffalo: 'VN', crane: 'KR',
  tempest: null, spider: null,
}));

/** "Flax Typhoon", "Midnight Blizzard", "Cozy Bear": a capitalized word + a vendor scheme noun, in cyber text. */
function threatName(doc: Doc, reg: ActorRegistry, i: number): number {
  const toks = doc.tokens;
  const a = toks[i];
  const b = toks[i + 1];
  if (!b || doc.cyberTerms < 2 || !SCHEME_COUNTRY.has(b.lower)) return 0;
  if (!startsUpper(a.text) || !/^\p{Lu}\p{Ll}+$/u.test(a.text) || !startsUpper(b.text) || NOT_NAME.has(a.lower)) return 0;
  if (!reg.free(i, i + 2)) return 0;
  const name = `${a.text} ${b.text}`;
  const actor = reg.ensure({ id: `pattern:group-${name.toLowerCase().replace(/\s+/g, '-')}`, name, type: 'threat-group', country: SCHEME_COUNTRY.get(b.lower) ?? null, kb: null, entity: null });
  return reg.mention(actor, i, i + 2) ? i + 2 : 0;
}

/** "Unit 29155", "military unit 26165". */
function militaryUnit(doc: Doc, kb: Kb, reg: ActorRegistry, i: number): number {
  const toks = doc.tokens;
  if (toks[i].text !== 'Unit' || !toks[i + 1] || !/^\d{4,5}$/.test(toks[i + 1].text)) return 0;
  const name = `Unit ${toks[i + 1].text}`;
  const known = lookupName(kb, name);
  const cc = known?.country ?? contextCountry(doc, kb, reg, i);
  const actor = reg.ensure(known ? fromEntity(known) : { id: `pattern:unit-${toks[i + 1].text}`, name, type: 'agency', country: cc, kb: null, entity: null });
  return reg.mention(actor, i, i + 2) ? i + 2 : 0;
}

/** "the Chinese embassy in Washington", "Russia's embassy", "Embassy of Iran in London". */
function embassy(doc: Doc, kb: Kb, reg: ActorRegistry, i: number): number {
  const toks = doc.tokens;
  let cc: string | null = null;
  let head = -1;
  let start = i;
  if (toks[i].lower === "'s" && /^embassy$|^consulate$/.test(toks[i + 1]?.lower ?? '') && reg.at(i - 1)?.type === 'state') {
    cc = reg.at(i - 1)!.country; // "Russia's embassy in Ottawa": the state stays its own mention
    head = i + 1;
    start = head;
  } else if (/^embass(?:y|ies)$|^consulate$/.test(toks[i + 1]?.lower ?? '')) {
    cc = demonymCountry(doc, kb, i);
    head = i + 1;
  } else if (/^embassy$|^consulate$/.test(toks[i].lower) && toks[i + 1]?.lower === 'of') {
    const st = reg.at(i + 2) ?? (toks[i + 2]?.lower === 'the' ? reg.at(i + 3) : null);
    if (st?.type === 'state') {
      cc = st.country;
      head = st.mentions.at(-1)!.to - 1;
    }
  }
  if (!cc || head < 0) return 0;
  let to = head + 1;
  let host: string | null = null;
  if (toks[to]?.lower === 'in' && toks[to + 1] && startsUpper(toks[to + 1].text)) {
    host = kb.capitalCc.get(toks[to + 1].text) ?? reg.at(to + 1)?.country ?? null;
    if (host) to += 2;
  }
  if (!reg.free(start, to)) return 0;
  const state = kb.stateByCc.get(cc);
  const hostState = host ? kb.stateByCc.get(host) : null;
  if (!state) return 0;
  const kind = toks[head].lower === 'consulate' ? 'Consulate' : 'Embassy';
  const name = `${kind} of ${state.name}${hostState ? ` in ${hostState.name === 'United States' ? 'the United States' : hostState.name}` : ''}`;
  const known = lookupName(kb, name);
  const id = known?.id ?? `pattern:${kind.toLowerCase()}-${cc.toLowerCase()}${host ? `-${host.toLowerCase()}` : ''}`;
  const actor = reg.ensure(known ? fromEntity(known) : { id, name, type: 'agency', country: cc, kb: null, entity: null });
  return reg.mention(actor, start, to) ? to : 0;
}

/** "the Finnish parliament", "Norway's parliament" → Parliament of Finland. */
function parliament(doc: Doc, kb: Kb, reg: ActorRegistry, i: number): number {
  const toks = doc.tokens;
  if (toks[i + 1]?.lower !== 'parliament') return 0;
  const cc = demonymCountry(doc, kb, i);
  const state = cc ? kb.stateByCc.get(cc) : null;
  if (!state || !cc) return 0;
  const name = `Parliament of ${state.name}`;
  const known = lookupName(kb, name);
  const actor = reg.ensure(known ? fromEntity(known) : { id: `pattern:parliament-${cc.toLowerCase()}`, name, type: 'agency', country: cc, kb: null, entity: null });
  return reg.mention(actor, i, i + 2) ? i + 2 : 0;
}

const HEADS = new Set(
  'ministry department agency office service services council committee commission directorate bureau centre center command police parliament administration authority community inspectorate force forces establishment headquarters secretariat cabinet senate congress guard corps division prosecutor'.split(' '),
);
const GOV_WORDS = new Set(
  'ministry department national federal state security intelligence cyber defence defense police parliament government military foreign interior justice homeland armed public royal presidential prosecutor command directorate'.split(' '),
);
const CONNECTORS = new Set(['of', 'for', 'and', 'on', '&', 'the']);

/** A capitalized phrase headed by a government noun: "Hainan State Security Department", "Ministry of State Security". */
function agencyPhrase(doc: Doc, kb: Kb, reg: ActorRegistry, i: number): number {
  const toks = doc.tokens;
  if (!isCap(toks[i]) || NOT_NAME.has(toks[i].lower)) return 0;
  let j = i;
  let lastCap = -1;
  let gov = false;
  let headAt = -1;
  while (j < toks.length && j - i < 9 && reg.owner[j] === null) {
    const t = toks[j];
    if (isCap(t)) {
      lastCap = j;
      if (GOV_WORDS.has(t.lower)) gov = true;
      if (HEADS.has(t.lower)) headAt = j;
    } else if (!(CONNECTORS.has(t.lower) && j > i && isCap(toks[j + 1] ?? t))) break;
    j++;
  }
  if (headAt < 0 || lastCap - i < 1 || !gov) return 0;
  const to = lastCap + 1;
  if (toks[i].sentence !== toks[lastCap].sentence) return 0;
  const name = doc.text.slice(toks[i].start, toks[lastCap].end);
  if (kb.genericCanonical.has(name.toLowerCase()) || kb.genericIndex.has(name.toLowerCase())) return to; // resolved in context later; skip its sub-phrases
  const cc = demonymCountry(doc, kb, i) ?? possessorCountry(doc, reg, i);
  const actor = reg.ensure({ id: `pattern:agency-${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`, name, type: 'agency', country: cc, kb: null, entity: null });
  return reg.mention(actor, i, to) ? to : 0;
}

/** "the UK's National Cyber Security Centre", "U.S. Intelligence Community": the country just before. */
function possessorCountry(doc: Doc, reg: ActorRegistry, i: number): string | null {
  let j = i - 1;
  if (doc.tokens[j]?.lower === "'s" || doc.tokens[j]?.lower === "'") j--;
  const a = j >= 0 ? reg.at(j) : null;
  return a && (a.type === 'state' || a.type === 'intergov') ? a.country : null;
}

function isCap(t: Token): boolean {
  return t.kind !== 'punct' && startsUpper(t.text);
}

/** A KB entity whose name or alias equals `name` (case-insensitive). */
function lookupName(kb: Kb, name: string): KbEntity | null {
  return kb.byName.get(name.toLowerCase()) ?? null;
}
