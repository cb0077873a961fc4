/**
 * Types of the incident and statement knowledge base (`assets/kb/incidents.json`,
 * `assets/kb/statements.json`) and of the cross-reference matcher.
 */
import type { Actor, Claim } from '../types';

/** Kinds of official statement, as in ../shared/reference. */
export type StatementKind =
  | 'attribution'
  | 'condemnation'
  | 'advisory'
  | 'indictment'
  | 'sanctions'
  | 'joint-statement'
  | 'denial';

/** All statement kinds, for validation. */
export const STATEMENT_KINDS: readonly StatementKind[] = [
  'attribution',
  'condemnation',
  'advisory',
  'indictment',
  'sanctions',
  'joint-statement',
  'denial',
];

/** How precisely a date is known. */
export type DatePrecision = 'day' | 'approximate' | 'month' | 'year';

/** One state cyber incident (or one public attribution package) the press writes about. */
export interface Incident {
  /** Stable slug, e.g. `exchange-2021` (same keys as ../shared/reference events). */
  id: string;
  /** Short display name. */
  name: string;
  /** Names the press and industry use: "ProxyLogon", "Hafnium", "Microsoft Exchange hack". */
  aliases: string[];
  /** CVE ids tied to the incident. */
  cves: string[];
  /** Accused parties by name (matching never depends on ids). */
  accusedNames: string[];
  /** Accused parties by actor KB id where known: `iso:CN`, `mitre:G0065`, `agency:cn-mss`. */
  accusedIds: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  firstReported: string | null;
  /** Distinct dates (YYYY-MM-DD) of its non-denial statements. */
  attributionDates: string[];
  /** Extra words that hint at the incident ("Electoral Commission", "Bundestag"). */
  keywords: string[];
  /** `reference` (../shared/reference) or a description of where the facts come from. */
  source: string;
}

/** One official statement or action about an incident. */
export interface Statement {
  id: string;
  /** Incident id. */
  incident: string;
  /** Other incidents the statement also covers. */
  relatedIncidents: string[];
  /** State or body as a whole, spelled as in `ISSUERS` ("United States", "European Union"). */
  issuer: string;
  /** ISO 3166-1 alpha-2 of the issuing state; null for intergovernmental bodies. */
  issuerCountry: string | null;
  /** Actor KB id of the issuer: `iso:US`, `io:eu`, `io:nato`. */
  issuerActor: string;
  /** Office that issued it ("Department of Justice"), or null. */
  issuerBody: string | null;
  /** Named official(s), or null. */
  speaker: string | null;
  /** YYYY-MM-DD (see `datePrecision`). */
  date: string;
  datePrecision: DatePrecision;
  kind: StatementKind;
  /** Who is blamed, by name; empty for denials. */
  accused: string[];
  /** Exact title when known, else null. */
  title: string | null;
  /** Official https URL, or null. */
  url: string | null;
  /** How the URL was verified (`page_seen`, `dataset`, `cited`, `official`), or null. */
  urlStatus: string | null;
  /** One line, our own words. */
  summary: string;
  /** Estimative wording used by the statement, or null. */
  confidencePhrase: string | null;
  /** `reference` or where the facts come from (official URL, "press reports"). */
  source: string;
}

/** What the matcher needs from a report. */
export interface XrefInput {
  text: string;
  title: string | null;
  /** YYYY-MM-DD (longer ISO strings are cut). */
  published: string | null;
  relevant: boolean;
  actors: Actor[];
  claims: Claim[];
  /**
   * Optional: the body an official or agency speaks for (from the actor KB `parent`),
   * e.g. an official of the White House. Without it, officials are mapped to their state.
   */
  resolveBody?: (actor: Actor) => { name: string; kb: string | null } | null;
}
