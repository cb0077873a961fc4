/**
 * Finding the incident(s) an article is about: names and aliases in the title and text, CVEs,
 * accused groups, agencies and states, the publication date against the incident's statement
 * dates, and the governments the article quotes.
 */
import type { Actor } from '../types';
import type { IncidentMatch } from '../types';
import { foldName, issuerByKb } from './issuers';
import { cueKey, type Cue, type XrefIndex } from './kb-index';
import { dayOf, tokenize, type Phrase } from './text';

/**
 * Minimum confidence for an incident to be reported and its statements listed. 0.5 needs a
 * distinctive name plus one more signal (date, accused, issuers), or several weaker signals
 * agreeing; a group name shared by many incidents alone stays well below it.
 */
export const INCIDENT_THRESHOLD = 0.5;

/** What the article offers for matching, computed once per call. */
export interface ArticleSignals {
  published: number | null;
  /** Folded names (name + aliases) of threat groups and agencies in the article. */
  groupNames: Set<string>;
  /** KB ids of all actors in the article. */
  actorIds: Set<string>;
  /** ISO codes of states accused in claims. */
  accusedStates: Set<string>;
  /** Issuer KB ids (`iso:US`, `io:eu`) of claimants. */
  claimantIssuers: Set<string>;
  /** Undated articles: the latest year (2000-2039) the text mentions, a floor on its date. */
  latestYear: number | null;
}

/** An incident with its confidence, reasons and internals used for ranking. */
export interface ScoredIncident extends IncidentMatch {
  nameScore: number;
  /** Names found for it. */
  keys: Set<string>;
}

const DAYS_NEAR = [
  [3, 1],
  [14, 0.8],
  [45, 0.5],
  [180, 0.2],
] as const;

/** Closeness of two days in 0..1. */
export function closeness(a: number, b: number): number {
  const d = Math.abs(a - b);
  for (const [lim, v] of DAYS_NEAR) if (d <= lim) return v;
  return 0;
}

/** Signals of the article from its actors and claims. */
export function articleSignals(actors: Actor[], claimsAccused: string[], claimants: Actor[], published: string | null, text = ''): ArticleSignals {
  const groupNames = new Set<string>();
  const actorIds = new Set<string>();
  for (const a of actors) {
    if (a.kb) actorIds.add(a.kb);
    actorIds.add(a.id);
    if (a.type === 'threat-group' || a.type === 'agency') {
      for (const n of [a.name, ...a.aliases, ...a.mentions.map((m) => m.text)]) groupNames.add(foldName(n));
    }
  }
  const byId = new Map(actors.map((a) => [a.id, a]));
  const accusedStates = new Set<string>();
  for (const id of claimsAccused) {
    const a = byId.get(id);
    if (a?.type === 'state' && a.country) accusedStates.add(a.country);
  }
  const claimantIssuers = new Set<string>();
  for (const c of claimants) {
    const iss = (c.kb && issuerByKb(c.kb)) || (c.type === 'state' && c.country ? issuerByKb(`iso:${c.country}`) : undefined);
    if (iss) claimantIssuers.add(iss.kb);
    else if (c.country) claimantIssuers.add(`iso:${c.country}`);
  }
  let latestYear: number | null = null;
  if (!published) for (const m of text.matchAll(/\b20[0-3]\d\b/g)) latestYear = Math.max(latestYear ?? 0, Number(m[0]));
  return { published: dayOf(published), groupNames, actorIds, accusedStates, claimantIssuers, latestYear };
}

/** Scores every incident with any cue or accused overlap; returns those above the threshold, best first. */
export function scoreIncidents(index: XrefIndex, text: string, title: string | null, sig: ArticleSignals): ScoredIncident[] {
  const inText = index.phrases.find(tokenize(text));
  const inTitle = title ? index.phrases.find(tokenize(title)) : new Map<Phrase<Cue[]>, number>();
  const names = new Map<string, { score: number; why: string[]; keys: Set<string> }>();
  const addName = (p: Phrase<Cue[]>, count: number, titleHit: boolean): void => {
    for (const cue of p.value) {
      const key = cueKey(cue.text);
      const spec = 1 / (index.incidentsPerPhrase.get(key) ?? 1);
      const strength = cue.type === 'keyword' ? 0.35 : p.weak ? 0.4 : 1;
      const repeated = 1 + 0.2 * Math.min(3, count - 1);
      const e = names.get(cue.incident) ?? { score: 0, why: [], keys: new Set<string>() };
      e.score += strength * spec * repeated * (titleHit ? 1.5 : 1);
      e.keys.add(key);
      if (!e.why.includes(cue.text)) e.why.push(cue.text);
      names.set(cue.incident, e);
    }
  };
  for (const [p, n] of inText) addName(p, n, false);
  for (const [p, n] of inTitle) addName(p, n, true);

  const out: ScoredIncident[] = [];
  for (const inc of index.incidents.values()) {
    const name = names.get(inc.id);
    const nameScore = Math.min(1, name?.score ?? 0);
    const why: string[] = [];
    if (name) why.push(`names ${name.why.slice(0, 4).join(', ')}`);
    // accused
    const accused = index.accusedFolded.get(inc.id) ?? new Set<string>();
    const groupHit = inc.accusedIds.some((id) => !id.startsWith('iso:') && sig.actorIds.has(id)) || [...sig.groupNames].some((n) => accused.has(n));
    const stateHit = inc.accusedIds.some((id) => id.startsWith('iso:') && sig.accusedStates.has(id.slice(4)));
    const accusedScore = groupHit && stateHit ? 1 : groupHit ? 0.7 : stateHit ? 0.4 : 0;
    if (groupHit) why.push(`same accused group or agency (${inc.accusedNames.filter((n) => !/^[A-Z][a-z]+$/.test(n)).slice(0, 2).join(', ')})`);
    if (stateHit) why.push(`accuses ${inc.accusedNames[0]}`);
    if (nameScore === 0 && accusedScore === 0) continue;
    // date
    const days = index.days.get(inc.id) ?? [];
    let dateScore = 0;
    let nearCount = 0;
    const first = dayOf(inc.firstReported);
    if (sig.published !== null) {
      for (const d of days) {
        const c = closeness(sig.published, d);
        if (c > dateScore) dateScore = c;
        if (Math.abs(sig.published - d) <= 3) nearCount++;
      }
      if (nearCount) why.push(`published within 3 days of ${nearCount} statement${nearCount > 1 ? 's' : ''}`);
    }
    // issuers quoted by the article with a statement on the incident (near the date when known)
    const statements = index.byIncident.get(inc.id) ?? [];
    let issuerHits = 0;
    for (const iss of sig.claimantIssuers) {
      const ok = statements.some((s) => s.issuerActor === iss && (sig.published === null || closeness(sig.published, dayOf(s.date) ?? 0) >= 0.5));
      if (ok) issuerHits++;
    }
    const issuerScore = sig.claimantIssuers.size ? issuerHits / sig.claimantIssuers.size : 0;
    if (issuerHits) why.push(`${issuerHits} of the governments quoted made statements on it`);
    let yearScore = 0;
    if (sig.published === null && sig.latestYear !== null) {
      const years = days.map((d) => new Date(d * 86_400_000).getUTCFullYear());
      yearScore = years.includes(sig.latestYear) ? 1 : years.includes(sig.latestYear - 1) ? 0.5 : 0;
      if (yearScore) why.push(`statements in ${sig.latestYear - (yearScore === 1 ? 0 : 1)}, a year the article mentions`);
    }
    let score =
      sig.published === null
        ? (0.5 * nameScore + 0.2 * accusedScore + 0.1 * issuerScore + 0.1 * yearScore) / (sig.latestYear === null ? 0.8 : 0.9)
        : 0.5 * nameScore + 0.2 * accusedScore + 0.2 * dateScore + 0.1 * issuerScore;
    // An article cannot be about an incident first reported after it was published.
    if (sig.published !== null && first !== null && sig.published < first - 3) score *= 0.2;
    // Named only by its culprits (group names such as APT28 recur across incidents): the dates must agree.
    const culprits = new Set([...accused, ...sig.groupNames].map(cueKey));
    const groupOnly = !!name && [...name.keys].every((k) => culprits.has(k));
    // (undated: unless the article speaks of a later year than every statement on it)
    const laterYear = sig.published === null && sig.latestYear !== null && yearScore === 0 && days.every((d) => new Date(d * 86_400_000).getUTCFullYear() < sig.latestYear!);
    if (groupOnly && ((sig.published !== null && dateScore < 0.5) || laterYear)) score = Math.min(score, INCIDENT_THRESHOLD - 0.01);
    // Without any name, only a same-time, same-accused, same-issuers coincidence may match.
    if (nameScore === 0 && !(dateScore >= 0.8 && groupHit && issuerScore > 0)) score = Math.min(score, INCIDENT_THRESHOLD - 0.01);
    out.push({ id: inc.id, name: inc.name, score: Math.round(Math.min(1, score) * 1000) / 1000, why, nameScore, keys: name?.keys ?? new Set() });
  }
  out.sort((a, b) => b.score - a.score || b.nameScore - a.nameScore);
  const top = out[0];
  if (!top || top.score < INCIDENT_THRESHOLD) return [];
  // A second incident only when it is nearly as likely and named on its own, by a name the first lacks.
  const own = (x: ScoredIncident): boolean => [...x.keys].some((k) => !top.keys.has(k));
  return out.filter((x, i) => i === 0 || (x.score >= Math.max(INCIDENT_THRESHOLD, 0.85 * top.score) && x.nameScore >= 0.5 && own(x))).slice(0, 3);
}
