/**
 * Checks of the incident and statement knowledge base, shared by the build script and the data test.
 */
import { issuerByName } from './issuers';
import { STATEMENT_KINDS, type Incident, type Statement } from './types';

/** Host suffixes of official (government or intergovernmental) sites. */
const OFFICIAL_SUFFIXES = [
  'gov', 'mil', 'europa.eu', 'nato.int', 'un.org', 'canada.ca', 'gc.ca', 'admin.ch', 'regjeringen.no', 'pst.no',
  'government.nl', 'ncsc.nl', 'bund.de', 'auswaertiges-amt.de', 'bundesregierung.de', 'gouv.fr', 'mzv.cz', 'vlada.cz',
  'supo.fi', 'poliisi.fi', 'um.fi', 'valtioneuvosto.fi', 'kremlin.ru', 'mid.ru', 'govt.nz', 'go.jp', 'go.kr', 'gov.pl',
  'government.se', 'regeringen.se', 'um.dk', 'vm.ee', 'president.ee', 'urm.lt', 'mfa.lv', 'kryeministria.al', 'gov.ua',
];
/** Second-level government zones of many countries: gov.uk, gov.au, gov.cn, gov.cz, go.jp ... */
const GOV_ZONE = /\.(?:gov|go|govt|mil)\.[a-z]{2}$/;

/** Is this host an official government or intergovernmental host? */
function isOfficialHost(host: string): boolean {
  if (GOV_ZONE.test(`.${host}`)) return true;
  return OFFICIAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An https URL on an official government or intergovernmental host. */
export function isOfficialUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && isOfficialHost(u.hostname.toLowerCase());
}

/** Every problem found in the knowledge base, as plain sentences; empty when it is sound. */
export function validateKb(incidents: Incident[], statements: Statement[]): string[] {
  const errors: string[] = [];
  const incidentIds = new Set<string>();
  for (const inc of incidents) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(inc.id)) errors.push(`incident id ${inc.id} is not a slug`);
    if (incidentIds.has(inc.id)) errors.push(`duplicate incident ${inc.id}`);
    incidentIds.add(inc.id);
    if (!inc.name) errors.push(`incident ${inc.id} has no name`);
    if (inc.firstReported !== null && !PARTIAL_DATE.test(inc.firstReported)) errors.push(`incident ${inc.id}: bad firstReported`);
    for (const d of inc.attributionDates) if (!isIsoDay(d)) errors.push(`incident ${inc.id}: bad attribution date ${d}`);
    for (const c of inc.cves) if (!/^CVE-\d{4}-\d{4,}$/.test(c)) errors.push(`incident ${inc.id}: bad CVE ${c}`);
    if (inc.accusedNames.length === 0) errors.push(`incident ${inc.id} accuses nobody`);
  }
  const ids = new Set<string>();
  const perIncident = new Map<string, number>();
  for (const s of statements) {
    if (ids.has(s.id)) errors.push(`duplicate statement ${s.id}`);
    ids.add(s.id);
    if (!incidentIds.has(s.incident)) errors.push(`statement ${s.id}: unknown incident ${s.incident}`);
    for (const r of s.relatedIncidents) if (!incidentIds.has(r)) errors.push(`statement ${s.id}: unknown related incident ${r}`);
    for (const id of [s.incident, ...s.relatedIncidents]) perIncident.set(id, (perIncident.get(id) ?? 0) + 1);
    const issuer = issuerByName(s.issuer);
    if (!issuer || issuer.name !== s.issuer) errors.push(`statement ${s.id}: unknown issuer ${s.issuer}`);
    else {
      if (issuer.kb !== s.issuerActor) errors.push(`statement ${s.id}: issuerActor ${s.issuerActor} should be ${issuer.kb}`);
      if (issuer.country !== s.issuerCountry) errors.push(`statement ${s.id}: issuerCountry should be ${issuer.country}`);
    }
    if (!isIsoDay(s.date)) errors.push(`statement ${s.id}: bad date ${s.date}`);
    if (!['day', 'approximate', 'month', 'year'].includes(s.datePrecision)) errors.push(`statement ${s.id}: bad datePrecision`);
    if (!STATEMENT_KINDS.includes(s.kind)) errors.push(`statement ${s.id}: bad kind ${s.kind}`);
    if (s.url !== null && !isOfficialUrl(s.url)) errors.push(`statement ${s.id}: not an official https URL ${s.url}`);
    if (s.url === null && s.urlStatus !== null) errors.push(`statement ${s.id}: urlStatus without url`);
    if (!s.summary || s.summary.length > 300) errors.push(`statement ${s.id}: summary missing or too long`);
    if (s.kind !== 'denial' && s.accused.length === 0) errors.push(`statement ${s.id}: accuses nobody`);
    if (!s.source) errors.push(`statement ${s.id}: no source`);
  }
  for (const id of incidentIds) if (!perIncident.get(id)) errors.push(`incident ${id} has no statement`);
  return errors;
}
