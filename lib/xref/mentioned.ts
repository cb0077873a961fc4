/**
 * Statements the article itself reports: claims whose claimant is a government, a body, an agency
 * or an official, linked to the knowledge-base statement they correspond to when one matches.
 */
import type { Actor, Claim, ClaimKind } from '../types';
import { foldName, issuerByCountry, issuerByKb, issuerByName, type Issuer } from './issuers';
import { dayOf } from './text';
import type { Statement, StatementKind, XrefInput } from './types';

/** Who issued a reported statement, as it should be listed. */
export interface ReportedIssuer {
  /** Listed issuer name: the state/body, or the agency's (or official's body's) own name. */
  name: string;
  /** KB id of that issuer. */
  actor: string | null;
  /** The state or body it belongs to, for linking to KB statements. */
  state: Issuer | null;
  /** Office and speaker words used to prefer one KB statement over another. */
  office: string | null;
  speaker: string | null;
  country: string | null;
}

const GOVERNMENT_TYPES = new Set(['state', 'intergov', 'agency', 'official']);

/** KB statement kinds a claim of this kind may correspond to. */
const COMPATIBLE: Record<ClaimKind, StatementKind[]> = {
  attribution: ['attribution', 'joint-statement', 'indictment', 'sanctions', 'advisory', 'condemnation'],
  condemnation: ['condemnation', 'attribution', 'joint-statement', 'sanctions'],
  call: ['condemnation', 'attribution', 'joint-statement'],
  assessment: ['attribution', 'advisory', 'joint-statement', 'indictment'],
  denial: ['denial'],
};

/** The issuer a claimant stands for, or null when it is no government voice. */
export function reportedIssuer(actor: Actor, resolveBody: XrefInput['resolveBody']): ReportedIssuer | null {
  if (!GOVERNMENT_TYPES.has(actor.type)) return null;
  const own = (actor.kb && issuerByKb(actor.kb)) || issuerByKb(actor.id) || undefined;
  if (actor.type === 'state' || actor.type === 'intergov') {
    const iss = own ?? (actor.country ? issuerByCountry(actor.country) : undefined) ?? issuerByName(actor.name);
    if (iss) return { name: iss.name, actor: iss.kb, state: iss, office: null, speaker: null, country: iss.country };
    return { name: actor.name, actor: actor.kb, state: null, office: null, speaker: null, country: actor.country };
  }
  const state = actor.country ? (issuerByCountry(actor.country) ?? null) : null;
  if (actor.type === 'agency') {
    return { name: actor.name, actor: actor.kb ?? actor.id, state, office: actor.name, speaker: null, country: actor.country };
  }
  // An official speaks for a body (from the actor KB) or, failing that, for their state.
  const body = resolveBody?.(actor) ?? null;
  if (body) {
    const bodyIssuer = (body.kb && issuerByKb(body.kb)) || undefined;
    return { name: bodyIssuer?.name ?? body.name, actor: body.kb, state: bodyIssuer ?? state, office: body.name, speaker: actor.name, country: actor.country };
  }
  if (state) return { name: state.name, actor: state.kb, state, office: null, speaker: actor.name, country: state.country };
  return { name: actor.name, actor: actor.kb ?? actor.id, state: null, office: null, speaker: actor.name, country: null };
}

const STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'with', 'spokesperson']);

/** Do two office names denote the same office ("Ministry of Foreign Affairs of China" ~ "Ministry of Foreign Affairs (spokesperson)")? */
function sameOffice(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa.includes(fb) || fb.includes(fa)) return true;
  const ta = new Set(fa.split(' ').filter((t) => !STOP.has(t)));
  const tb = fb.split(' ').filter((t) => !STOP.has(t));
  const shared = tb.filter((t) => ta.has(t)).length;
  return shared >= 3 || (shared >= 2 && shared === Math.min(ta.size, tb.length));
}

/**
 * Agencies the article names (without a claim of theirs) whose own statement on the matched
 * incident is in the KB: the article reports on it even when no claim sentence was found.
 */
export function namedAgencyStatements(actors: Actor[], candidates: Statement[]): Array<{ who: ReportedIssuer; statement: Statement }> {
  const out: Array<{ who: ReportedIssuer; statement: Statement }> = [];
  for (const a of actors) {
    if (a.type !== 'agency' || !a.country) continue;
    const state = issuerByCountry(a.country);
    if (!state) continue;
    const st = candidates.find((s) => s.issuerActor === state.kb && s.issuerBody && s.kind !== 'denial' && sameOffice(a.name, s.issuerBody));
    if (st) out.push({ who: { name: a.name, actor: a.kb ?? a.id, state, office: a.name, speaker: null, country: a.country }, statement: st });
  }
  return out;
}

/** Last name of a person, folded. */
function lastName(s: string): string {
  const parts = foldName(s).split(' ');
  return parts[parts.length - 1] ?? '';
}

/**
 * The KB statement a reported claim most likely is, among `candidates`, or null.
 * Requires the same state or body, a compatible kind, and a date that fits the article
 * (not after it; within 3 days when `strict`).
 */
export function linkStatement(
  claim: Claim,
  who: ReportedIssuer,
  candidates: Statement[],
  published: number | null,
  strict: boolean,
): Statement | null {
  if (!who.state) return null;
  let best: Statement | null = null;
  let bestScore = 0;
  for (const s of candidates) {
    if (s.issuerActor !== who.state.kb) continue;
    const kinds = COMPATIBLE[claim.kind];
    if (!kinds.includes(s.kind)) continue;
    let score = s.kind === kinds[0] ? 2 : 1;
    const day = dayOf(s.date);
    if (published !== null && day !== null) {
      if (day > published + 3) continue;
      const d = Math.abs(published - day);
      if (strict && d > 3) continue;
      score += d <= 3 ? 2 : d <= 30 ? 1 : 0;
    } else if (strict) continue;
    // an agency's claim is that agency's statement, not another office's of the same state
    if (who.office && s.issuerBody && who.office !== who.state.name) {
      if (!sameOffice(who.office, s.issuerBody)) continue;
      score += 2;
    }
    if (who.speaker && s.speaker && foldName(s.speaker).includes(lastName(who.speaker))) score += 2;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : null;
}
