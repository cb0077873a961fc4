import { fold } from '../nlp/tokens';
import { AliasTrie } from './trie';
import type { KbEntity } from './types';

/**
 * The actor knowledge base, indexed for matching: a token trie over every alias, and maps from
 * demonyms, capitals and generic agency forms to entities. Build once (≈ milliseconds), reuse for
 * every article.
 */
export interface Kb {
  byId: Map<string, KbEntity>;
  trie: AliasTrie;
  /** ISO alpha-2 → state entity. */
  stateByCc: Map<string, KbEntity>;
  /** lower-case generic form ("foreign ministry") → agencies that use it, any country. */
  genericIndex: Map<string, KbEntity[]>;
  /** lower-case single-word demonym ("chinese") → ISO alpha-2. */
  demonymCc: Map<string, string>;
  /** Capital as written ("Beijing") → ISO alpha-2. */
  capitalCc: Map<string, string>;
  /**
   * Lower-case canonical name or alias → entity (first wins). Built on first use: only the
   * patterns for names the trie did not find look names up, and a worker woken by an article
   * answers sooner without its 10,000 entries.
   */
  readonly byName: Map<string, KbEntity>;
  /** Surname of a known official → the countries of the officials who bear it ("Albanese" → AU). */
  surnameCc: Map<string, Set<string>>;
  /** `canonical kind|ISO code` → the KB agency of that country with a generic form of that kind. */
  genericByKind: Map<string, KbEntity>;
  /** Canonical naming of a generic form, e.g. "foreign ministry" → "Ministry of Foreign Affairs". */
  genericCanonical: Map<string, string>;
}

/**
 * Bare agency forms shared by many countries, with the canonical name pattern used when the
 * knowledge base has no entity for the country the context points to.
 */
export const GENERIC_AGENCIES: Record<string, string[]> = {
  'Ministry of Foreign Affairs': ['Foreign Ministry', 'Ministry of Foreign Affairs', 'Foreign Affairs Ministry', 'Foreign Affairs Department', 'Ministry for Foreign Affairs'],
  'Ministry of Defence': ['Defence Ministry', 'Defense Ministry', 'Ministry of Defence', 'Ministry of Defense', 'Defence Department', 'Ministry of National Defense', 'Ministry of National Defence'],
  'Ministry of the Interior': ['Interior Ministry', 'Ministry of Interior', 'Ministry of the Interior', 'Home Ministry', 'Ministry of Home Affairs'],
  'Ministry of Justice': ['Justice Ministry', 'Ministry of Justice'],
  'National Security Council': ['National Security Council'],
  'Prosecutor General': ["Prosecutor General's Office", 'Prosecutor-General', 'Prosecutor General'],
  'Public Prosecutor': ["Public Prosecutor's Office", 'Federal Prosecutor', "Federal Prosecutor's Office"],
  Parliament: ['Parliament'],
  Government: ['Cabinet'],
  'Security Service': ['Security Service', 'State Security Service'],
  'Military Intelligence': ['military intelligence', 'military intelligence agency', 'military intelligence service'],
  'Intelligence Service': ['intelligence service', 'intelligence agency', 'foreign intelligence service', 'spy agency'],
  'Cyber Security Centre': ['National Cyber Security Centre', 'National Cyber Security Center', 'National Cybersecurity Center'],
  'Police': ['National Police', 'Federal Police', 'police'],
};

/** Builds the matching indexes from entity lists. */
export function buildKb(entities: KbEntity[]): Kb {
  const trie = new AliasTrie();
  const byId = new Map<string, KbEntity>();
  const stateByCc = new Map<string, KbEntity>();
  const genericIndex = new Map<string, KbEntity[]>();
  const genericCanonical = new Map<string, string>();
  const demonymCc = new Map<string, string>();
  const capitalCc = new Map<string, string>();
  const surnameCc = new Map<string, Set<string>>();
  for (const e of entities) {
    if (e.type === 'official' && e.country) {
      const last = e.name.split(/\s+/).at(-1)!;
      if (last.length > 2) (surnameCc.get(last) ?? surnameCc.set(last, new Set()).get(last)!).add(e.country);
    }
    if (e.type === 'state' && e.country) {
      for (const d of e.demonyms ?? []) if (!/\s/.test(d)) demonymCc.set(fold(d), e.country);
      for (const c of e.capitals ?? []) capitalCc.set(c, e.country);
    }
    byId.set(e.id, e);
    if (e.type === 'state' && e.country) stateByCc.set(e.country, e);
    trie.add(e, e.name, modeOfName(e));
    for (const a of e.aliases) trie.add(e, a, 'ci');
    for (const a of e.exact ?? []) trie.add(e, a, 'exact');
    for (const a of e.cyberOnly ?? []) trie.add(e, a, 'cyber');
    for (const a of e.demonyms ?? []) trie.add(e, a, 'demonym');
    for (const a of e.capitals ?? []) trie.add(e, a, 'capital');
    for (const g of e.generic ?? []) {
      const k = fold(g);
      const list = genericIndex.get(k) ?? [];
      list.push(e);
      genericIndex.set(k, list);
    }
  }
  // every generic form goes into the trie once, on a placeholder entity; the matcher resolves it
  for (const [canonical, forms] of Object.entries(GENERIC_AGENCIES)) {
    for (const f of forms) genericCanonical.set(fold(f), canonical);
  }
  const genericByKind = new Map<string, KbEntity>();
  for (const [k, list] of genericIndex) {
    const canonical = genericCanonical.get(k);
    if (canonical) for (const e of list) if (e.country && !genericByKind.has(`${canonical}|${e.country}`)) genericByKind.set(`${canonical}|${e.country}`, e);
  }
  for (const k of new Set([...genericIndex.keys(), ...genericCanonical.keys()])) {
    const placeholder: KbEntity = { id: `generic:${k}`, name: genericCanonical.get(k) ?? k, type: 'agency', country: null, aliases: [], kb: null };
    trie.add(placeholder, k, 'generic');
  }
  let byName: Map<string, KbEntity> | null = null;
  return {
    byId,
    trie,
    stateByCc,
    genericIndex,
    genericCanonical,
    demonymCc,
    capitalCc,
    get byName() {
      return (byName ??= namesOf(entities));
    },
    surnameCc,
    genericByKind,
  };
}

/** Lower-case canonical names and aliases → entity, the first entity winning a shared one. */
function namesOf(entities: readonly KbEntity[]): Map<string, KbEntity> {
  const byName = new Map<string, KbEntity>();
  const put = (name: string, e: KbEntity): void => {
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, e);
  };
  for (const e of entities) {
    put(e.name, e);
    for (const n of e.aliases) put(n, e);
    if (e.exact) for (const n of e.exact) put(n, e);
  }
  return byName;
}

/** The canonical name is matched like an alias, but an acronym-looking name only in written case. */
function modeOfName(e: KbEntity): 'ci' | 'exact' | 'cyber' {
  if (e.cyberOnly?.some(a => a === e.name)) return 'cyber';
  if (e.exact?.some(a => a === e.name)) return 'exact';
  if (/^[A-Z0-9]{2,5}$/.test(e.name)) return 'exact';
  return 'ci';
}
