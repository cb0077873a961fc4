/**
 * Cross-references: what other governments and bodies said about the incident an article is about.
 *
 * `crossReference(input)` finds the incident(s) (see `incidents.ts`), lists every KB statement on
 * them (`same-event`, including the accused's denials), lists the statements the article itself
 * reports (`mentioned-in-article`, linked to the KB statement when one matches), and, only when no
 * incident matches, a few strictly filtered full-text hits (`related`). Nothing when not relevant.
 */
import incidentsJson from '../../assets/kb/incidents.json';
import statementsJson from '../../assets/kb/statements.json';
import type { Actor, Claim, CrossReference, IncidentMatch } from '../types';
import { articleSignals, closeness, scoreIncidents, type ScoredIncident } from './incidents';
import { foldName, issuerByName } from './issuers';
import { createXrefIndex, type XrefIndex } from './kb-index';
import { linkStatement, namedAgencyStatements, reportedIssuer, type ReportedIssuer } from './mentioned';
import { dayOf, isoOfDay } from './text';
import type { Incident, Statement, XrefInput } from './types';

export type { XrefInput } from './types';
export { createXrefIndex, type XrefIndex } from './kb-index';

/** A cross-reference with the KB statement it comes from (extra field for the popup). */
export interface KbCrossReference extends CrossReference {
  /** KB statement id, or null when built from the article alone. */
  statementId: string | null;
  speaker?: string | null;
  datePrecision?: string | null;
}

/** What `crossReference` returns. */
export interface XrefResult {
  incidents: IncidentMatch[];
  crossReferences: KbCrossReference[];
}

let defaultIndex: XrefIndex | null = null;

/** The index over the bundled KB (`assets/kb`), built on first use. */
export function getDefaultXrefIndex(): XrefIndex {
  defaultIndex ??= createXrefIndex(incidentsJson as Incident[], statementsJson as Statement[]);
  return defaultIndex;
}

function fromStatement(s: Statement, event: string, relation: CrossReference['relation'], score: number, why: string[]): KbCrossReference {
  return {
    id: `xref:${relation}:${s.id}`,
    issuer: s.issuer,
    issuerActor: s.issuerActor,
    kind: s.kind,
    date: s.date,
    title: s.title,
    url: s.url,
    event,
    relation,
    score: Math.round(score * 1000) / 1000,
    why,
    issuerBody: s.issuerBody,
    country: s.issuerCountry,
    summary: s.summary,
    accused: s.accused,
    confidencePhrase: s.confidencePhrase,
    statementId: s.id,
    speaker: s.speaker,
    datePrecision: s.datePrecision,
  };
}

const VERBS: Record<string, string> = {
  attribution: 'blames', denial: 'denies involvement', condemnation: 'condemns', call: 'calls on', assessment: 'assesses',
};

/** Statements the article reports, one per (issuer, kind, KB statement). */
function mentioned(input: XrefInput, matched: ScoredIncident[], index: XrefIndex, published: number | null): KbCrossReference[] {
  const byId = new Map(input.actors.map((a) => [a.id, a]));
  const candidates = matched.flatMap((m) => index.byIncident.get(m.id) ?? []);
  const out = new Map<string, KbCrossReference>();
  for (const claim of input.claims) {
    const actor = claim.claimant ? byId.get(claim.claimant) : undefined;
    if (!actor) continue;
    const who = reportedIssuer(actor, input.resolveBody);
    if (!who) continue;
    // Within a matched incident, link freely; otherwise only to a same-date statement sharing an accused.
    let st = linkStatement(claim, who, candidates, published, false);
    let event = st ? (matched.find((m) => st && (st.incident === m.id || st.relatedIncidents.includes(m.id)))?.id ?? st.incident) : (matched[0]?.id ?? null);
    if (!st && matched.length === 0) {
      const accused = new Set(claim.accused.map((id) => byId.get(id)).filter((a): a is Actor => !!a).flatMap((a) => [a.name, ...a.aliases].map(foldName)));
      const near = index.statements.filter((s) => s.accused.some((n) => accused.has(foldName(n))));
      st = linkStatement(claim, who, near, published, true);
      if (st) event = st.incident;
    }
    const key = `${foldName(who.name)}|${st ? st.kind : claim.kind}|${st?.id ?? ''}`;
    if (out.has(key)) continue;
    out.set(key, st ? linked(st, who, event ?? st.incident) : unlinked(claim, who, byId, event, published));
  }
  const issuers = new Set([...out.values()].map((x) => foldName(x.issuer)));
  for (const { who, statement } of namedAgencyStatements(input.actors, candidates)) {
    if (issuers.has(foldName(who.name))) continue;
    issuers.add(foldName(who.name));
    const x = linked(statement, who, matched.find((m) => statement.incident === m.id || statement.relatedIncidents.includes(m.id))?.id ?? statement.incident);
    x.score = 0.9;
    x.why = [`the article names ${who.name}, which issued this`, `${statement.kind} of ${statement.date}`];
    out.set(`${foldName(who.name)}|${statement.kind}|${statement.id}`, x);
  }
  return [...out.values()];
}

function linked(st: Statement, who: ReportedIssuer, event: string): KbCrossReference {
  const x = fromStatement(st, event, 'mentioned-in-article', 0.95, [
    'reported in this article',
    `matches the ${st.issuerBody ?? st.issuer} ${st.kind} of ${st.date}`,
  ]);
  x.id = `xref:mentioned:${foldName(who.name).replace(/ /g, '-')}:${st.id}`;
  x.issuer = who.name;
  x.issuerActor = who.actor ?? st.issuerActor;
  if (who.office && who.name === who.office) x.issuerBody = who.office;
  return x;
}

function unlinked(claim: Claim, who: ReportedIssuer, byId: Map<string, Actor>, event: string | null, published: number | null): KbCrossReference {
  const accused = claim.accused.map((id) => byId.get(id)?.name).filter((n): n is string => !!n && n !== who.name);
  const state = who.state?.name;
  return {
    id: `xref:mentioned:${foldName(who.name).replace(/ /g, '-')}:${claim.kind}`,
    issuer: who.name,
    issuerActor: who.actor,
    kind: claim.kind,
    date: published !== null ? isoOfDay(published) : null,
    title: null,
    url: null,
    event,
    relation: 'mentioned-in-article',
    score: 0.8,
    why: ['reported in this article', 'no matching statement in the knowledge base'],
    issuerBody: who.office,
    country: who.country ?? who.state?.country ?? null,
    summary: `${who.name}${state && state !== who.name ? ` (${state})` : ''} ${VERBS[claim.kind] ?? claim.kind}${accused.length ? ` ${accused.join(', ')}` : ''}, as reported in this article.`,
    accused,
    confidencePhrase: claim.confidence?.phrase ?? null,
    statementId: null,
    speaker: who.speaker,
  };
}

/** Same-event statements of the matched incidents, ranked by incident confidence and date. */
function sameEvent(matched: ScoredIncident[], index: XrefIndex, published: number | null): KbCrossReference[] {
  const out: KbCrossReference[] = [];
  const seen = new Set<string>();
  for (const m of matched) {
    for (const s of index.byIncident.get(m.id) ?? []) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      const day = dayOf(s.date);
      const near = published !== null && day !== null ? closeness(published, day) : 0.5;
      const why = [`statement on ${m.name}`];
      if (published !== null && day !== null && Math.abs(published - day) <= 3) why.push('issued around the article’s date');
      if (s.kind === 'denial') why.push('the accused’s answer');
      out.push(fromStatement(s, m.id, 'same-event', m.score * (0.75 + 0.25 * near), why));
    }
  }
  return out;
}

/** Full-text fallback: statements close in date that share a named group or agency; few and strict. */
function related(input: XrefInput, index: XrefIndex, published: number | null): KbCrossReference[] {
  if (published === null) return [];
  const names = input.actors.filter((a) => a.type === 'threat-group' || (a.type === 'agency' && input.claims.some((c) => c.accused.includes(a.id))));
  if (names.length === 0) return [];
  const folded = new Set(names.flatMap((a) => [a.name, ...a.aliases].map(foldName)));
  const hits = index.search.search(names.map((a) => a.name).join(' '), { combineWith: 'OR' });
  const out: KbCrossReference[] = [];
  for (const h of hits.slice(0, 20)) {
    const s = index.statements.find((x) => x.id === h.id);
    const day = s ? dayOf(s.date) : null;
    if (!s || day === null || Math.abs(day - published) > 30) continue;
    if (!s.accused.some((n) => folded.has(foldName(n)))) continue;
    out.push(fromStatement(s, s.incident, 'related', 0.3, [`names ${s.accused.filter((n) => folded.has(foldName(n))).join(', ')}`, 'issued within a month of the article']));
    if (out.length === 3) break;
  }
  return out;
}

/**
 * The incidents an article is about and the cross-references to list.
 * @param input actors and claims found by the engine, with the text, title and publication date
 * @param index a prebuilt index (`createXrefIndex`); defaults to the bundled KB
 */
export function crossReference(input: XrefInput, index: XrefIndex = getDefaultXrefIndex()): XrefResult {
  if (!input.relevant) return { incidents: [], crossReferences: [] };
  const published = dayOf(input.published);
  const byId = new Map(input.actors.map((a) => [a.id, a]));
  const claimants = input.claims.map((c) => (c.claimant ? byId.get(c.claimant) : undefined)).filter((a): a is Actor => !!a);
  const sig = articleSignals(input.actors, input.claims.flatMap((c) => (c.kind === 'denial' ? [] : c.accused)), claimants, input.published, input.text);
  const matched = scoreIncidents(index, input.text, input.title, sig);
  const reported = mentioned(input, matched, index, published);
  // A state's own reported statement replaces its same-event twin.
  const replaced = new Set(reported.filter((x) => x.statementId && issuerByName(x.issuer)?.kb === x.issuerActor).map((x) => x.statementId));
  const listed = sameEvent(matched, index, published).filter((x) => !replaced.has(x.statementId));
  const fallback = matched.length === 0 ? related(input, index, published) : [];
  const all = [...reported, ...listed, ...fallback].sort((a, b) => b.score - a.score || (a.date ?? '').localeCompare(b.date ?? ''));
  return { incidents: matched.map(({ id, name, score, why }) => ({ id, name, score, why })), crossReferences: all };
}
