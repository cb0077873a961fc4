/**
 * The cross-reference index, built once from the incident and statement KB: a phrase dictionary
 * of incident names, aliases, CVEs and keywords, statements per incident, and a MiniSearch index
 * over statements for the "related" fallback.
 */
import MiniSearch from 'minisearch';
import { foldName } from './issuers';
import { PhraseIndex, dayOf } from './text';
import type { Incident, Statement } from './types';

/** What a phrase says about an incident. */
export interface Cue {
  incident: string;
  /** `alias` (a name of the incident or its group), `cve`, `keyword` (a hint). */
  type: 'alias' | 'cve' | 'keyword';
  /** The phrase as in the KB. */
  text: string;
}

/** Everything the matcher needs, built by `createXrefIndex`. */
export interface XrefIndex {
  incidents: Map<string, Incident>;
  statements: Statement[];
  /** Statements of an incident, including those that also cover it (`relatedIncidents`). */
  byIncident: Map<string, Statement[]>;
  /** Phrase -> cues. */
  phrases: PhraseIndex<Cue[]>;
  /** Folded phrase -> number of incidents it names (for specificity). */
  incidentsPerPhrase: Map<string, number>;
  /** Folded accused names per incident (names, aliases of groups). */
  accusedFolded: Map<string, Set<string>>;
  /** Day numbers of the statements per incident. */
  days: Map<string, number[]>;
  search: MiniSearch<SearchDoc>;
}

/** A statement as indexed by MiniSearch. */
export interface SearchDoc {
  id: string;
  summary: string;
  title: string;
  accused: string;
  incident: string;
}

/** Builds the index (once; matching then reuses it). */
export function createXrefIndex(incidents: Incident[], statements: Statement[]): XrefIndex {
  const incMap = new Map(incidents.map((i) => [i.id, i]));
  const byIncident = new Map<string, Statement[]>();
  for (const s of statements) {
    for (const id of new Set([s.incident, ...s.relatedIncidents])) {
      const list = byIncident.get(id);
      if (list) list.push(s);
      else byIncident.set(id, [s]);
    }
  }
  const phrases = new PhraseIndex<Cue[]>();
  const cuesByKey = new Map<string, Cue[]>();
  const incidentsPerPhrase = new Map<string, Set<string>>();
  const addCue = (text: string, cue: Cue): void => {
    const key = foldName(text).replace(/ /g, '');
    if (!key) return;
    let list = cuesByKey.get(key);
    if (!list) {
      list = [];
      cuesByKey.set(key, list);
      phrases.add(text, list);
    }
    if (!list.some((c) => c.incident === cue.incident && c.type === cue.type)) list.push(cue);
    const set = incidentsPerPhrase.get(key) ?? new Set<string>();
    set.add(cue.incident);
    incidentsPerPhrase.set(key, set);
  };
  const accusedFolded = new Map<string, Set<string>>();
  const days = new Map<string, number[]>();
  for (const inc of incidents) {
    for (const a of inc.aliases) addCue(a, { incident: inc.id, type: 'alias', text: a });
    for (const c of inc.cves) addCue(c, { incident: inc.id, type: 'cve', text: c });
    for (const k of inc.keywords) addCue(k, { incident: inc.id, type: 'keyword', text: k });
    accusedFolded.set(inc.id, new Set([...inc.accusedNames].map(foldName)));
    days.set(inc.id, (byIncident.get(inc.id) ?? []).map((s) => dayOf(s.date)).filter((d): d is number => d !== null));
  }
  const search = new MiniSearch<SearchDoc>({
    fields: ['summary', 'title', 'accused', 'incident'],
    storeFields: ['id'],
    searchOptions: { boost: { accused: 2, incident: 2 }, prefix: false, fuzzy: false, combineWith: 'AND' },
  });
  search.addAll(
    statements.map((s) => ({
      id: s.id,
      summary: s.summary,
      title: s.title ?? '',
      accused: s.accused.join(' '),
      incident: `${incMap.get(s.incident)?.name ?? ''} ${(incMap.get(s.incident)?.aliases ?? []).join(' ')}`,
    })),
  );
  return {
    incidents: incMap,
    statements,
    byIncident,
    phrases,
    incidentsPerPhrase: new Map([...incidentsPerPhrase].map(([k, v]) => [k, v.size])),
    accusedFolded,
    days,
    search,
  };
}

/** The specificity key of a phrase (same folding as in `createXrefIndex`). */
export function cueKey(text: string): string {
  return foldName(text).replace(/ /g, '');
}
