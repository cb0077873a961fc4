/**
 * Builds the actor knowledge base (`assets/kb/*.json`) from
 *   - the `world-countries` package + `kb/sources/states-extra.json` (states),
 *   - `kb/sources/intergov.json` (intergovernmental bodies),
 *   - `kb/sources/{agencies,companies,officials}.json` (validated and copied),
 *   - ../shared/reference/misp-galaxy (threat groups; optional: without it the committed
 *     `threat-groups.json` is kept).
 *
 * The core is `buildKb()`, which writes to any directory (tests regenerate into a temp dir);
 * the CLI wrapper is at the bottom.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'world-countries';
import type { ActorType } from '../lib/types';
import type { KbEntity } from '../lib/kb/types';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Word lists used to classify surface forms
// ---------------------------------------------------------------------------------------------

let englishWords: Set<string> | null = null;
function isEnglishWord(w: string): boolean {
  if (!englishWords) {
    const file = require.resolve('an-array-of-english-words/index.json');
    englishWords = new Set((JSON.parse(readFileSync(file, 'utf8')) as string[]).map((x) => x.toLowerCase()));
  }
  return englishWords.has(w.toLowerCase());
}

/** Common English-language given names and surnames (plus biblical/mythological names used as group names). */
const PERSON_NAMES = new Set(
  `aaron abel abraham adam adrian alan albert alex alexander alice amanda amber amy andrew angela anna anne anthony
  arthur ashley barbara benjamin betty bill billy bob bobby brandon brenda brian bruce caleb carl carol caroline
  catherine charles charlie charlotte chris christine christopher claire cole daniel david deborah dennis diana donald
  donna dorothy douglas dylan edward elijah elizabeth emily emma eric esther ethan eugene eve frank gabriel gary george
  gerald gloria grace gregory hannah harold harry helen henry isaac jack jacob james jane janet jason jeff jeffrey
  jennifer jeremy jerry jesse jessica joan joe john jonathan jordan joseph joshua joyce judith judy julia julie justin
  karen kate katherine keith kelly kenneth kevin kimberly larry laura lauren lazarus linda lisa logan louis lucy luke
  margaret maria marie mark martha martin mary matthew megan melissa michael michelle moses nancy nathan nicholas
  nicole noah olivia pamela patricia patrick paul peter philip rachel ralph randy raymond rebecca richard robert roger
  ronald rose roy russell ruth ryan samuel sandra sara sarah scott sean sharon simon sophia stephanie stephen steven
  susan teresa terry thomas timothy tyler victoria vincent walter wayne william zachary
  smith johnson williams brown jones miller davis wilson anderson taylor moore jackson white harris thompson
  garcia martinez robinson clark rodriguez lewis lee walker hall allen young king wright hill green adams baker nelson
  carter mitchell roberts turner phillips campbell parker evans edwards collins stewart morris murphy cook rogers
  morgan cooper peterson bailey reed kelly howard cox ward richardson wood watson brooks bennett gray james hughes
  price sanders myers long ross foster powell jenkins perry butler barnes fisher henderson coleman simmons patterson
  graham hunter fox stone ford hamilton marshall wallace west cole hayes gibson ellis mason dixon hunt palmer wells
  lawrence porter warren sullivan fletcher`.split(/\s+/).filter(Boolean),
);

const ELEMENTS = new Set(
  `hydrogen helium lithium beryllium boron carbon nitrogen oxygen fluorine neon sodium magnesium aluminium aluminum
  silicon phosphorus sulfur sulphur chlorine argon potassium calcium scandium titanium vanadium chromium manganese iron
  cobalt nickel copper zinc gallium germanium arsenic selenium bromine krypton rubidium strontium yttrium zirconium
  niobium molybdenum technetium ruthenium rhodium palladium silver cadmium indium tin antimony tellurium iodine xenon
  caesium cesium barium lanthanum cerium praseodymium neodymium promethium samarium europium gadolinium terbium
  dysprosium holmium erbium thulium ytterbium lutetium hafnium tantalum tungsten rhenium osmium iridium platinum gold
  mercury thallium lead bismuth polonium astatine radon francium radium actinium thorium protactinium uranium neptunium
  plutonium americium curium berkelium californium einsteinium fermium mendelevium nobelium lawrencium rutherfordium
  dubnium seaborgium bohrium hassium meitnerium darmstadtium roentgenium copernicium nihonium flerovium moscovium
  livermorium tennessine oganesson`.split(/\s+/).filter(Boolean),
);

/** Brands, places and characters that are not in the word list but are common in prose. */
const PROPER_NOUNS = new Set(
  `alibaba lexus polaris indra popeye callisto auriga sauron labubu armageddon timmy foxmail topgear superman
  pinkpanther jerseymikes sportsfans alpha bravo charlie delta echo foxtrot`.split(/\s+/).filter(Boolean),
);

/** Very common words never used as a threat-group surface form (unless the group's canonical name). */
const NEVER_ALIAS = new Set(
  `gold lead ups play bottle castle summit combine dune basin mask horde karma mana inception copper oxygen mercury
  silicon iron silver unit`.split(/\s+/).filter(Boolean),
);

/** Words that make an alias generic ("Chinese hackers", "Unknown group"). */
const GENERIC_WORDS = new Set(
  `unknown group groups team hackers hacker actor actors threat apt gang crew cyber state sponsored state-sponsored
  government military intelligence army unit spies spy the of and nation nation-state operators operator campaign
  criminals criminal ransomware activity cluster`.split(/\s+/).filter(Boolean),
);

function isOrdinaryToken(tok: string): boolean {
  const t = tok.toLowerCase();
  return isEnglishWord(t) || PERSON_NAMES.has(t) || ELEMENTS.has(t) || PROPER_NOUNS.has(t);
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Key used to compare names: case, accents, spaces, dots, hyphens and underscores ignored. */
export function nameKey(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/[\s._\-–'’]+/g, '');
}

function uniqCi(list: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const s = raw.trim().replace(/\s+/g, ' ');
    if (!s) continue;
    const k = s.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

function uniqExact(list: Iterable<string>): string[] {
  return [...new Set([...list].map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

function titleCase(s: string): string {
  return s.replace(/[A-Z][A-Z']*/gi, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** One entity per line: diffable and compact. */
export function serializeEntities(list: KbEntity[]): string {
  if (list.length === 0) return '[]\n';
  return '[\n' + list.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n';
}

/** Fixed key order so that outputs are stable. */
function normalizeEntity(e: KbEntity): KbEntity {
  const out = { id: e.id, name: e.name, type: e.type, country: e.country ?? null, aliases: e.aliases ?? [] } as KbEntity;
  if (e.exact?.length) out.exact = e.exact;
  if (e.cyberOnly?.length) out.cyberOnly = e.cyberOnly;
  if (e.demonyms?.length) out.demonyms = e.demonyms;
  if (e.capitals?.length) out.capitals = e.capitals;
  if (e.generic?.length) out.generic = e.generic;
  out.kb = e.kb ?? null;
  if (e.parent) out.parent = e.parent;
  if (e.role) out.role = e.role;
  if (e.sponsor) out.sponsor = e.sponsor;
  return out;
}

const byId = (a: KbEntity, b: KbEntity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

interface StateExtra {
  name?: string;
  aliases?: string[];
  exact?: string[];
  demonyms?: string[];
  capitals?: string[];
  drop?: string[];
  lookup?: string[];
}
interface StatesExtraFile {
  include: string[];
  notUnMembers: string[];
  states: Record<string, StateExtra>;
}

export interface StateTable {
  entities: KbEntity[];
  /** nameKey(any name, alias, lookup name) -> ISO code */
  lookup: Map<string, string>;
  /** nameKey of every state name/alias/demonym: used to drop generic threat-group aliases. */
  stateWords: Set<string>;
  unMembers: string[];
}

export function buildStates(root: string): StateTable {
  const extra = readJson<StatesExtraFile>(path.join(root, 'kb/sources/states-extra.json'));
  const notUn = new Set(extra.notUnMembers);
  const include = new Set(extra.include);
  const entities: KbEntity[] = [];
  const lookup = new Map<string, string>();
  const stateWords = new Set<string>();
  const unMembers: string[] = [];

  for (const c of countries) {
    const code = c.cca2;
    const isUn = c.unMember && !notUn.has(code);
    if (!isUn && !include.has(code)) continue;
    if (isUn) unMembers.push(code);
    const x = extra.states[code] ?? {};
    const drop = new Set((x.drop ?? []).flatMap((s) => [s.toLowerCase(), fold(s).toLowerCase()]));
    const name = x.name ?? c.name.common;
    const exact = uniqExact(x.exact ?? []);
    const exactCi = new Set(exact.map((s) => s.toLowerCase()));

    const demonyms = uniqExact([
      ...(x.demonyms ?? []),
      ...Object.values(c.demonyms?.eng ?? {}).flatMap((d) => d.split(/, | or /)),
    ]).filter((d) => d.toLowerCase() !== name.toLowerCase() && d.length > 2);

    const candidates = [c.name.common, c.name.official, ...c.altSpellings, ...(x.aliases ?? [])];
    const aliases: string[] = [];
    for (const a0 of candidates) {
      for (const a of uniqExact([a0, fold(a0)])) {
        const lc = a.toLowerCase();
        if (drop.has(lc) || exactCi.has(lc) || lc === name.toLowerCase()) continue;
        if (a.length <= 3 && !(x.aliases ?? []).includes(a)) continue; // ISO codes; real acronyms go in `exact`
        if (a.includes(',') || (a.includes('(') && a.endsWith(' of)'))) continue; // inverted list forms ("Korea, Republic of")
        if (!/^[\p{Script=Latin}\s'’().-]+$/u.test(a)) continue; // other scripts
        // A single-word spelling that is an English word or a demonym is not a safe name.
        if (!a.includes(' ') && !(x.aliases ?? []).includes(a) && (isEnglishWord(a) || demonyms.includes(a))) continue;
        aliases.push(a);
      }
    }
    const capitals = uniqExact([...(x.capitals ?? []), ...c.capital, ...c.capital.map(fold)]).filter((cap) => {
      if ((x.capitals ?? []).includes(cap)) return true;
      if (cap.toLowerCase() === name.toLowerCase() || aliases.some((a) => a.toLowerCase() === cap.toLowerCase())) return false;
      return !(!cap.includes(' ') && isOrdinaryToken(cap));
    });

    const e: KbEntity = {
      id: `iso:${code}`,
      name,
      type: 'state',
      country: code,
      aliases: uniqCi(aliases).filter((a) => a.toLowerCase() !== name.toLowerCase()),
      exact,
      demonyms: demonyms.filter((d) => !aliases.some((a) => a.toLowerCase() === d.toLowerCase())),
      capitals,
      kb: `iso:${code}`,
    };
    entities.push(normalizeEntity(e));
    for (const s of [name, c.name.common, c.name.official, ...c.altSpellings, ...(x.aliases ?? []), ...exact, ...(x.lookup ?? [])]) {
      const k = nameKey(s);
      if (k.length > 1 && !lookup.has(k)) lookup.set(k, code);
    }
    for (const s of [name, ...e.aliases, ...demonyms, ...exact]) stateWords.add(nameKey(s));
    lookup.set(nameKey(code), code);
  }
  entities.sort(byId);
  return { entities, lookup, stateWords, unMembers: unMembers.sort() };
}

// ---------------------------------------------------------------------------------------------
// Threat groups
// ---------------------------------------------------------------------------------------------

interface GalaxyCluster {
  uuid: string;
  value: string;
  meta?: Record<string, unknown>;
  related?: { 'dest-uuid': string; type: string }[];
  revoked?: boolean;
}

type Source = 'misp' | 'mitre' | 'ms';

interface Node {
  src: Source;
  c: GalaxyCluster;
  primary: string;
  names: string[];
  gid: string | null;
  /** G-ids this cluster says it corresponds to (MISP synonyms / name-attribution). */
  gidRefs: string[];
  country: string | null;
  countryFromSponsor: boolean;
  state: boolean;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

class UnionFind {
  parent: number[];
  members: number[][];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => [i]);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.members[ra].length < this.members[rb].length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.members[ra].push(...this.members[rb]);
    this.members[rb] = [];
  }
}

const RE_CODE = /^(APT|TA|UNC|FIN|TG|DEV|Storm|UAC|ITG|ATK|TAG|APT-C|APT-Q|T-APT|Group|G)[\s-]?(\d+)$/i;

/** Spelling variants of code-like names ("APT40" -> "APT 40", "APT-40", ...). */
export function codeVariants(alias: string): string[] {
  const m = RE_CODE.exec(alias.trim());
  if (!m) return [];
  const pre = m[1];
  const num = m[2];
  const P = pre.toUpperCase() === 'STORM' ? 'Storm' : pre.toUpperCase() === 'GROUP' ? 'Group' : pre.toUpperCase();
  switch (P) {
    case 'APT':
      return [`APT${num}`, `APT ${num}`, `APT-${num}`, `Advanced Persistent Threat ${num}`, `Advanced Persistent Threat Group ${num}`];
    case 'TA':
    case 'UNC':
    case 'FIN':
    case 'TG':
    case 'UAC':
    case 'ITG':
      return [`${P}${num}`, `${P} ${num}`, `${P}-${num}`];
    case 'DEV':
    case 'Storm':
      // Microsoft renamed DEV-#### to Storm-#### in 2023, keeping the number.
      return [`DEV-${num}`, `DEV ${num}`, `Storm-${num}`, `Storm ${num}`];
    default:
      return [];
  }
}

type Kind = 'alias' | 'exact' | 'cyberOnly' | 'drop';

/** Decides how a threat-group surface form may be matched (see kb/README.md). */
export function classifyAlias(a: string, stateWords: Set<string>): Kind {
  const s = a.trim();
  if (s.length < 3 || /^[\d\s.-]+$/.test(s)) return 'drop';
  const tokens = s.split(/\s+/);
  const letters = tokens.map((t) => t.replace(/[^\p{L}'’-]/gu, ''));
  // Generic: every token is a generic word, a state name or a demonym ("Iranian hackers", "Unknown").
  if (tokens.every((t) => GENERIC_WORDS.has(t.toLowerCase()) || stateWords.has(nameKey(t)))) return 'drop';
  if (stateWords.has(nameKey(s))) return 'drop';
  if (tokens.length === 1) {
    if (/\d/.test(s)) return s.replace(/[^A-Z0-9]/gi, '').length >= 4 ? 'alias' : 'exact';
    if (/^[A-Z]+$/i.test(s) && isOrdinaryToken(s)) return 'cyberOnly';
    if (/^[A-Z]{2,5}$/.test(s)) return 'exact';
    // Hyphenated or dotted words made of ordinary words ("Sea-Turtle") follow the multi-word rule.
    const parts = s.split(/[-.]/).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => /^[A-Z]+$/i.test(p) && isOrdinaryToken(p))) return 'exact';
    return 'alias';
  }
  if (letters.every((t, i) => t.length > 0 && t === tokens[i] && isOrdinaryToken(t))) return 'exact';
  return 'alias';
}

export interface ThreatGroupResult {
  entities: KbEntity[];
  droppedShared: number;
  droppedGeneric: number;
  largest: { id: string; name: string; size: number; members: string[] }[];
  countryConflicts: string[];
}

export function buildThreatGroups(mispDir: string, states: StateTable): ThreatGroupResult {
  const load = (f: string) => readJson<{ values: GalaxyCluster[] }>(path.join(mispDir, f)).values;
  const ta = load('threat-actor.json');
  const mi = load('mitre-intrusion-set.json');
  const ms = load('microsoft-activity-group.json');

  const toIso = (s: string | undefined | null): string | null => {
    if (!s) return null;
    const k = nameKey(s);
    return states.lookup.get(k) ?? null;
  };

  const nodes: Node[] = [];
  for (const c of ta) {
    const meta = c.meta ?? {};
    const na = strings(meta['name-attribution']).map((x) => x.replace(/:[0-9a-f-]{36}$/i, ''));
    const syn = strings(meta.synonyms);
    const gidRefs = [...syn, ...na].filter((s) => /^G\d{4}$/.test(s));
    const sponsor = strings(meta['cfr-suspected-state-sponsor'])[0];
    const sponsorIso = toIso(sponsor);
    const metaCountry = strings(meta.country)[0];
    const country = sponsorIso ?? (metaCountry && states.lookup.get(nameKey(metaCountry)) ? metaCountry.toUpperCase() : null);
    nodes.push({
      src: 'misp',
      c,
      primary: c.value,
      names: [c.value, ...syn],
      gid: null,
      gidRefs,
      country,
      countryFromSponsor: !!sponsorIso,
      state: true,
    });
  }
  for (const c of mi) {
    const gid = strings(c.meta?.external_id)[0] ?? null;
    const name = c.value.replace(/ - G\d{4}$/, '').trim();
    nodes.push({ src: 'mitre', c, primary: name, names: [name, ...strings(c.meta?.synonyms)], gid, gidRefs: [], country: null, countryFromSponsor: false, state: true });
  }
  for (const c of ms) {
    const meta = c.meta ?? {};
    const origin = strings(meta['microsoft-origin-threat'])[0] ?? '';
    const nonState = /financially motivated|private sector|group in development|covert network/i.test(origin);
    const mc = strings(meta.country)[0];
    const country = mc && states.lookup.has(nameKey(mc)) ? mc.toUpperCase() : null;
    nodes.push({ src: 'ms', c, primary: c.value, names: [c.value, ...strings(meta.synonyms)], gid: null, gidRefs: [], country, countryFromSponsor: false, state: !nonState });
  }
  const byUuid = new Map(nodes.map((n, i) => [n.c.uuid, i]));
  const uf = new UnionFind(nodes.length);

  // 1. MITRE revoked entries join the entry that replaced them.
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.src !== 'mitre' || !n.c.revoked) continue;
    const to = n.c.related?.find((r) => r.type === 'revoked-by');
    const j = to ? byUuid.get(to['dest-uuid']) : undefined;
    if (j !== undefined) uf.union(j, i);
  }
  // Microsoft renamed its groups in 2023 (STRONTIUM -> Forest Blizzard, DEV-0391 -> Storm-0391 -> Volt Typhoon);
  // the file holds both: an old-name cluster joins the new-name cluster that lists it as a synonym.
  const absorbed = new Set<number>(nodes.flatMap((n, i) => (n.src === 'mitre' && n.c.revoked && uf.find(i) !== i ? [i] : [])));
  nodes.forEach((n, i) => {
    if (n.src !== 'ms' || !/^(?:[A-Z]+|DEV-\d+|Storm-\d+)$/.test(n.primary)) return;
    for (const [j, m] of nodes.entries()) {
      if (m.src !== 'ms' || j === i || /^(?:[A-Z]+|DEV-\d+)$/.test(m.primary) || absorbed.has(j)) continue;
      if (m.names.slice(1).some((x) => nameKey(x) === nameKey(n.primary))) {
        uf.union(j, i);
        absorbed.add(i);
        break;
      }
    }
  });
  const isRevokedMerged = (i: number) => absorbed.has(i);

  // 2. Candidate links between clusters of different files, scored; union greedily from the strongest,
  //    never putting two clusters of the same file into one group (this keeps weak chains from
  //    gluing distinct groups into blobs).
  const keysOf = nodes.map((n) => new Set(n.names.map(nameKey).filter((k) => k.length >= 3)));
  const primaryKey = nodes.map((n) => nameKey(n.primary));
  const holders = new Map<string, number[]>();
  nodes.forEach((_, i) => {
    for (const k of keysOf[i]) {
      const h = holders.get(k);
      if (h) h.push(i);
      else holders.set(k, [i]);
    }
  });
  const gidToNode = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.gid && !n.c.revoked) gidToNode.set(n.gid, i);
  });
  const revokedGid = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.gid && n.c.revoked) revokedGid.set(n.gid, i);
  });

  const score = new Map<string, number>();
  const add = (a: number, b: number, s: number) => {
    if (a === b || nodes[a].src === nodes[b].src) return;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    score.set(key, (score.get(key) ?? 0) + s);
  };
  for (const [, hs] of holders) {
    if (hs.length > 12) continue; // a name held by many clusters says nothing
    for (let x = 0; x < hs.length; x++) for (let y = x + 1; y < hs.length; y++) add(hs[x], hs[y], 1);
  }
  nodes.forEach((n, i) => {
    // A cluster's own name listed by another cluster is a strong link.
    for (const j of holders.get(primaryKey[i]) ?? []) if (j !== i) add(i, j, 3);
    for (const g of n.gidRefs) {
      const j = gidToNode.get(g) ?? (revokedGid.has(g) ? uf.find(revokedGid.get(g)!) : undefined);
      if (j !== undefined) add(i, j, 4);
    }
    for (const r of n.c.related ?? []) {
      if (r.type !== 'similar' && r.type !== 'synonym-of') continue;
      const j = byUuid.get(r['dest-uuid']);
      if (j !== undefined) add(i, j, 2);
    }
  });
  const edges = [...score.entries()]
    .map(([k, s]) => {
      const [a, b] = k.split('|').map(Number);
      return { a, b, s };
    })
    .filter((e) => e.s >= 3 && !isRevokedMerged(e.a) && !isRevokedMerged(e.b))
    .sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  const srcOf = (root: number) => new Set(uf.members[root].filter((i) => !isRevokedMerged(i)).map((i) => nodes[i].src));
  // Two clusters of one file (MISP lists APT29 and UNC2452 apart) may still join when MITRE's entry in one
  // group lists the other group's main names as synonyms of its own G-id.
  const mitreVouches = (withMitre: number, other: number, shared: Source[]): boolean => {
    if (shared.includes('mitre')) return false;
    const live = (r: number) => uf.members[r].filter((i) => !isRevokedMerged(i));
    const m = live(withMitre).find((i) => nodes[i].src === 'mitre');
    if (m === undefined || live(other).some((i) => nodes[i].src === 'mitre')) return false;
    const listed = new Set(uf.members[withMitre].filter((i) => nodes[i].src === 'mitre').flatMap((i) => nodes[i].names.map(nameKey)));
    return live(other)
      .filter((i) => shared.includes(nodes[i].src))
      .every((i) => listed.has(nameKey(nodes[i].primary)) && nodes[i].gidRefs.every((g) => g === nodes[m].gid));
  };
  for (const e of edges) {
    const ra = uf.find(e.a);
    const rb = uf.find(e.b);
    if (ra === rb) continue;
    const sa = srcOf(ra);
    const sb = srcOf(rb);
    const shared = [...sa].filter((s) => sb.has(s));
    if (shared.length && !mitreVouches(ra, rb, shared) && !mitreVouches(rb, ra, shared)) continue;
    uf.union(ra, rb);
  }

  // 3. One entity per group.
  interface Draft {
    id: string;
    name: string;
    kb: string | null;
    members: number[];
    names: string[];
    country: string | null;
    state: boolean;
  }
  const drafts: Draft[] = [];
  const countryConflicts: string[] = [];
  const roots = [...new Set(nodes.map((_, i) => uf.find(i)))].sort((a, b) => a - b);
  for (const r of roots) {
    const members = uf.members[r].slice().sort((a, b) => a - b);
    const get = (s: Source) => members.find((i) => nodes[i].src === s && !isRevokedMerged(i));
    const misp = get('misp');
    const mitre = get('mitre');
    const msn = get('ms');
    if (misp === undefined && mitre === undefined && msn === undefined) continue; // only revoked entries
    const gid = mitre !== undefined ? nodes[mitre].gid : null;
    // Canonical name: an APTnn name if a source uses it as its main name, else MITRE's, MISP's, Microsoft's.
    const cands = [mitre, misp, msn].filter((i): i is number => i !== undefined).map((i) => nodes[i].primary);
    const apt = cands.find((c) => /^APT\s?\d+$/i.test(c));
    let name = apt ? apt.replace(/\s/g, '').toUpperCase() : cands[0];
    if (/^[A-Z]+$/.test(name) && name.length > 5) name = titleCase(name); // HAFNIUM -> Hafnium (press style)
    const names = members.flatMap((i) => nodes[i].names);
    // Country: MISP's stated sponsor first, then the sources' country fields.
    const ctry = [misp, msn, mitre]
      .filter((i): i is number => i !== undefined)
      .map((i) => nodes[i])
      .sort((a, b) => Number(b.countryFromSponsor) - Number(a.countryFromSponsor))
      .map((n) => n.country)
      .filter((c): c is string => !!c);
    if (new Set(ctry).size > 1) countryConflicts.push(`${name}: ${[...new Set(ctry)].join('/')}`);
    const state = msn === undefined || nodes[msn].state;
    const kb = gid ? `mitre:${gid}` : misp !== undefined ? `misp:${nodes[misp].c.uuid}` : msn !== undefined ? `misp:${nodes[msn].c.uuid}` : null;
    drafts.push({ id: gid ? `mitre:${gid}` : `misp:${slugify(name)}`, name, kb, members, names, country: ctry[0] ?? null, state });
  }
  // Unique ids (two MISP-only groups could slug alike).
  const seenIds = new Map<string, number>();
  for (const d of drafts) {
    const n = seenIds.get(d.id) ?? 0;
    seenIds.set(d.id, n + 1);
    if (n > 0) d.id = `${d.id}-${n + 1}`;
  }

  // 4. Surface forms, with shared aliases resolved.
  let droppedGeneric = 0;
  const formsOf = drafts.map((d) => {
    const forms = uniqCi([d.name, ...d.names, ...d.names.flatMap(codeVariants), ...codeVariants(d.name)]);
    return forms.filter((f) => {
      const k = classifyAlias(f, states.stateWords);
      const never = NEVER_ALIAS.has(f.toLowerCase()) && f.toLowerCase() !== d.name.toLowerCase();
      if (k === 'drop' || never) droppedGeneric++;
      return k !== 'drop' && !never;
    });
  });
  const owners = new Map<string, Set<number>>();
  formsOf.forEach((fs, i) => {
    for (const f of fs) {
      const k = f.toLowerCase();
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(i);
    }
  });
  // How strongly each group claims a form: 10 if it is the main name of one of its clusters,
  // else the number of its clusters that list it (code variants count as their source form).
  const forms2 = (name: string, k: string) => name.toLowerCase() === k || codeVariants(name).some((v) => v.toLowerCase() === k);
  const claim = (i: number, k: string): number => {
    const d = drafts[i];
    let n = 0;
    for (const m of d.members) {
      const node = nodes[m];
      const forms = (list: string[]) => list.some((x) => x.toLowerCase() === k || codeVariants(x).some((v) => v.toLowerCase() === k));
      if (forms([node.primary])) return 10;
      if (forms(node.names)) n++;
    }
    if (forms2(d.name, k)) return 10;
    return n;
  };
  let droppedShared = 0;
  const entities: KbEntity[] = drafts.map((d, i) => {
    const aliases: string[] = [];
    const exact: string[] = [];
    const cyberOnly: string[] = [];
    for (const f of formsOf[i]) {
      const k = f.toLowerCase();
      const own = owners.get(k)!;
      if (own.size > 1) {
        // Shared by several groups: kept only by the one that claims it clearly more strongly.
        const mine = claim(i, k);
        const best = Math.max(...[...own].filter((j) => j !== i).map((j) => claim(j, k)));
        if (!(mine > best && mine >= 2)) {
          droppedShared++;
          continue;
        }
      }
      const kind = classifyAlias(f, states.stateWords);
      const variants = /^[A-Z][A-Z\s-]+$/.test(f) && f.length > 5 ? [f, titleCase(f)] : [f];
      if (kind === 'alias') {
        if (k !== d.name.toLowerCase()) aliases.push(f);
      } else if (kind === 'exact') exact.push(...variants);
      else if (kind === 'cyberOnly') cyberOnly.push(...variants);
    }
    const e: KbEntity = {
      id: d.id,
      name: d.name,
      type: 'threat-group',
      country: d.country,
      aliases: uniqCi(aliases),
      exact: uniqExact(exact),
      cyberOnly: uniqExact(cyberOnly),
      kb: d.kb,
    };
    if (d.country && d.state) e.sponsor = states.entities.find((s) => s.country === d.country)?.name;
    return normalizeEntity(e);
  });
  entities.sort(byId);
  const largest = drafts
    .map((d) => ({ id: d.id, name: d.name, size: d.members.length, members: d.members.map((m) => `${nodes[m].src}:${nodes[m].primary}`) }))
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))
    .slice(0, 12);
  return { entities, droppedShared, droppedGeneric, largest, countryConflicts };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const TYPES: ActorType[] = ['state', 'intergov', 'agency', 'official', 'threat-group', 'company', 'person'];

export function validateKb(files: Record<string, KbEntity[]>, isoCodes: Set<string>): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const [file, list] of Object.entries(files)) {
    for (const e of list) {
      const where = `${file}: ${e.id}`;
      if (!e.id || typeof e.id !== 'string') errors.push(`${file}: entity without id`);
      if (ids.has(e.id)) errors.push(`${where}: duplicate id`);
      ids.add(e.id);
      if (!e.name || typeof e.name !== 'string') errors.push(`${where}: no name`);
      if (!TYPES.includes(e.type)) errors.push(`${where}: bad type ${String(e.type)}`);
      if (e.country !== null && !isoCodes.has(e.country)) errors.push(`${where}: unknown country ${String(e.country)}`);
      if (!Array.isArray(e.aliases)) errors.push(`${where}: aliases is not an array`);
      if (e.kb !== null && typeof e.kb !== 'string') errors.push(`${where}: bad kb`);
      const ci = new Set<string>();
      for (const a of e.aliases ?? []) {
        if (typeof a !== 'string' || !a.trim()) errors.push(`${where}: empty alias`);
        else if (ci.has(a.toLowerCase())) errors.push(`${where}: duplicate alias ${a}`);
        else ci.add(a.toLowerCase());
      }
      for (const field of ['exact', 'cyberOnly', 'demonyms', 'capitals', 'generic'] as const) {
        const v = e[field];
        if (v === undefined) continue;
        if (!Array.isArray(v)) {
          errors.push(`${where}: ${field} is not an array`);
          continue;
        }
        const seen = new Set<string>();
        for (const a of v) {
          if (typeof a !== 'string' || !a.trim()) errors.push(`${where}: empty ${field} entry`);
          else if (seen.has(a)) errors.push(`${where}: duplicate ${field} entry ${a}`);
          else if ((field === 'exact' || field === 'cyberOnly') && ci.has(a.toLowerCase()))
            errors.push(`${where}: ${a} is both an alias and in ${field}`);
          else seen.add(a);
        }
      }
    }
  }
  for (const [file, list] of Object.entries(files)) {
    for (const e of list) if (e.parent !== undefined && !ids.has(e.parent)) errors.push(`${file}: ${e.id}: parent ${e.parent} does not exist`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

export interface BuildOptions {
  /** Repository root (holds kb/sources). */
  root: string;
  /** misp-galaxy directory, or null/absent to keep `threat-groups.json` from `keepFrom`. */
  mispDir: string | null;
  outDir: string;
  /** Where the committed threat-groups.json lives when mispDir is absent (defaults to outDir). */
  keepFrom?: string;
  /** ISO date for the manifest (defaults to today). */
  generated?: string;
  log?: (msg: string) => void;
}

export interface BuildResult {
  counts: Record<string, number>;
  errors: string[];
  threatGroups: ThreatGroupResult | null;
}

const OTHER_SOURCES = ['agencies', 'companies', 'officials'] as const;

function mispCommit(mispDir: string): string | null {
  const readme = path.join(mispDir, '..', 'README.md');
  if (!existsSync(readme)) return null;
  const m = /misp-galaxy@([0-9a-f]{40})/.exec(readFileSync(readme, 'utf8'));
  return m ? m[1] : null;
}

export function buildKb(opts: BuildOptions): BuildResult {
  const log = opts.log ?? (() => {});
  const states = buildStates(opts.root);
  const isoCodes = new Set(countries.map((c) => c.cca2));
  const intergov = readJson<KbEntity[]>(path.join(opts.root, 'kb/sources/intergov.json')).map(normalizeEntity).sort(byId);

  const files: Record<string, KbEntity[]> = { states: states.entities, intergov };
  for (const name of OTHER_SOURCES) {
    const f = path.join(opts.root, 'kb/sources', `${name}.json`);
    files[name] = existsSync(f) ? readJson<KbEntity[]>(f).map(normalizeEntity).sort(byId) : [];
  }

  let tg: ThreatGroupResult | null = null;
  let commit: string | null = null;
  const mispOk = !!opts.mispDir && existsSync(path.join(opts.mispDir, 'threat-actor.json'));
  if (mispOk) {
    tg = buildThreatGroups(opts.mispDir!, states);
    files['threat-groups'] = tg.entities;
    commit = mispCommit(opts.mispDir!);
  } else {
    const kept = path.join(opts.keepFrom ?? opts.outDir, 'threat-groups.json');
    log(`misp-galaxy not found (${opts.mispDir ?? 'none'}): keeping the committed threat-groups.json`);
    files['threat-groups'] = existsSync(kept) ? readJson<KbEntity[]>(kept) : [];
    const man = path.join(opts.keepFrom ?? opts.outDir, 'manifest.json');
    if (existsSync(man)) commit = readJson<{ mispGalaxyCommit?: string | null }>(man).mispGalaxyCommit ?? null;
  }

  const errors = validateKb(files, isoCodes);
  const counts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.length]));
  if (errors.length === 0) {
    mkdirSync(opts.outDir, { recursive: true });
    for (const [name, list] of Object.entries(files)) writeFileSync(path.join(opts.outDir, `${name}.json`), serializeEntities(list));
    const manifest = {
      schema: 'attribution-lens/kb@1',
      generated: opts.generated ?? new Date().toISOString().slice(0, 10),
      mispGalaxyCommit: commit,
      worldCountriesVersion: (require('world-countries/package.json') as { version: string }).version,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    };
    writeFileSync(path.join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  return { counts, errors, threatGroups: tg };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const mispDir = path.resolve(root, '../shared/reference/misp-galaxy');
  const outDir = path.join(root, 'assets/kb');
  const res = buildKb({ root, mispDir: existsSync(mispDir) ? mispDir : null, outDir, log: (m) => console.log(m) });
  if (res.errors.length) {
    console.error(`KB validation failed (${res.errors.length} errors), nothing written:`);
    for (const e of res.errors.slice(0, 50)) console.error('  ' + e);
    process.exit(1);
  }
  for (const [k, v] of Object.entries(res.counts)) console.log(`${k.padEnd(14)} ${v}`);
  const tg = res.threatGroups;
  if (tg) {
    console.log(`threat-group aliases dropped: ${tg.droppedShared} shared by several groups, ${tg.droppedGeneric} generic/too short`);
    console.log(`country conflicts between sources (first kept): ${tg.countryConflicts.length}`);
    console.log('largest merged groups:');
    for (const g of tg.largest) console.log(`  ${g.size}  ${g.id}  ${g.name}  <- ${g.members.join(' | ')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
