/**
 * Builds the incident and statement knowledge base.
 *
 *   tsx scripts/build-statements.ts --import-reference   # (re)convert ../shared/reference into kb/sources
 *   tsx scripts/build-statements.ts                      # kb/sources -> assets/kb (fill, validate, derive)
 *
 * Reference rows keep their facts (issuer, office, speaker, date, kind, accused, title, URL); summaries
 * are generated here in our own words, quotes and notes are not carried over, and only https URLs on
 * official hosts are kept. Rows added by hand (source != "reference") are preserved on re-import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { issuerByName } from '../lib/xref/issuers';
import { isOfficialUrl, validateKb } from '../lib/xref/validate';
import type { DatePrecision, Incident, Statement, StatementKind } from '../lib/xref/types';

const root = path.resolve(import.meta.dirname, '..');
const refDir = path.resolve(root, '..', 'shared', 'reference');
const srcInc = path.join(root, 'kb/sources/incidents.json');
const srcSt = path.join(root, 'kb/sources/statements.json');

type SourceIncident = Partial<Incident> & { id: string; name: string; accusedNames: string[] };
type SourceStatement = Partial<Statement> & { id: string; incident: string; issuer: string; date: string; kind: StatementKind };

/** Display names of the reference events, our wording. */
const NAMES: Record<string, string> = {
  'exchange-2021': 'Microsoft Exchange hack (Hafnium, ProxyLogon), 2021',
  'solarwinds-2021': 'SolarWinds supply-chain hack, 2020–2021',
  'notpetya-2018': 'NotPetya attack, 2017',
  'wannacry-2017': 'WannaCry ransomware attack, 2017',
  'apt10-cloudhopper-2018': 'APT10 “Cloud Hopper” hacking of IT service providers, 2014–2018',
  'gru-opcw-2018': 'GRU cyber operations incl. the attempted OPCW hack, 2018',
  'georgia-2020': 'cyberattack on Georgia, October 2019',
  'viasat-2022': 'Viasat KA-SAT satellite network attack, 2022',
  'albania-iran-2022': 'cyberattack on the Albanian government, 2022',
  'volt-typhoon-2023': 'Volt Typhoon intrusions into critical infrastructure, 2023',
  'volt-typhoon-2024': 'Volt Typhoon pre-positioning and KV botnet, 2024',
  'apt31-2024': 'APT31 hacking of the UK Electoral Commission and lawmakers, 2021–2024',
  'apt40-advisory-2024': 'APT40 intrusions into Australian networks, 2024',
  'gru-29155-2024': 'GRU Unit 29155 WhisperGate attacks, 2022–2024',
  'salt-typhoon-2024': 'Salt Typhoon telecommunications intrusions, 2024–2025',
  'czech-apt31-2025': 'APT31 intrusion at the Czech foreign ministry, 2022–2025',
  'germany-apt28-2024': 'APT28 hacking of Germany’s SPD, 2023–2024',
  'finland-parliament-apt31': 'APT31 breach of the Finnish Parliament, 2020–2021',
  'norway-storting-2020': 'Norwegian Parliament email breach, 2020',
  'norway-storting-2021': 'Norwegian Parliament Exchange breach, 2021',
  'norway-statsforvalter-apt31': 'Norwegian county governors’ offices breach, 2018',
};

/** Extra words that point at a reference event, our choice. */
const KEYWORDS: Record<string, string[]> = {
  'exchange-2021': ['Exchange Server', 'contract hackers'],
  'solarwinds-2021': ['SolarWinds', 'Orion'],
  'notpetya-2018': ['NotPetya'],
  'apt10-cloudhopper-2018': ['managed service providers'],
  'gru-opcw-2018': ['OPCW', 'Organisation for the Prohibition of Chemical Weapons'],
  'georgia-2020': ['Georgia'],
  'viasat-2022': ['Viasat', 'KA-SAT'],
  'albania-iran-2022': ['Albania'],
  'apt31-2024': ['Electoral Commission', 'Inter-Parliamentary Alliance on China'],
  'czech-apt31-2025': ['Czech foreign ministry'],
  'germany-apt28-2024': ['SPD', 'Social Democratic Party'],
  'finland-parliament-apt31': ['Eduskunta', 'Finnish Parliament'],
  'norway-storting-2020': ['Storting', 'Stortinget'],
  'norway-storting-2021': ['Storting', 'Stortinget'],
  'norway-statsforvalter-apt31': ['county governors'],
};

/** Names the press uses that the reference does not list, our additions. */
const EXTRA_ALIASES: Record<string, string[]> = {
  'norway-storting-2020': ['Storting', 'Stortinget', 'Norwegian parliament', 'Norway’s parliament'],
  'norway-storting-2021': ['Storting', 'Stortinget', 'Norwegian parliament', 'Norway’s parliament'],
  'finland-parliament-apt31': ['Eduskunta', 'Finnish parliament', 'Finland’s parliament'],
  'germany-apt28-2024': ['SPD hack', 'Social Democrats hack'],
  'volt-typhoon-2024': ['KV botnet'],
  'solarwinds-2021': ['SolarWinds', 'Sunburst'],
  'viasat-2022': ['Viasat', 'KA-SAT'],
  'exchange-2021': ['Exchange hack', 'Microsoft Exchange'],
};

/** Drops tracking parameters from a URL. */
function cleanUrl(url: string): string {
  const u = new URL(url);
  for (const k of [...u.searchParams.keys()]) if (k.startsWith('utm_')) u.searchParams.delete(k);
  return u.toString();
}

/** Accused names -> actor KB ids (best guess of the actor KB's slugs for agencies). */
const ACCUSED_IDS: Record<string, string> = {
  china: 'iso:CN', russia: 'iso:RU', 'north korea': 'iso:KP', iran: 'iso:IR', belarus: 'iso:BY',
  'ministry of state security': 'agency:cn-mss', mss: 'agency:cn-mss', "people's liberation army": 'agency:cn-pla',
  gru: 'agency:ru-gru', 'russian military': 'agency:ru-gru', 'russian military intelligence': 'agency:ru-gru',
  'unit 74455': 'agency:ru-gru-74455', 'gru unit 74455': 'agency:ru-gru-74455', 'unit 26165': 'agency:ru-gru-26165',
  'unit 29155': 'agency:ru-gru-29155', svr: 'agency:ru-svr', fsb: 'agency:ru-fsb',
  'reconnaissance general bureau': 'agency:kp-rgb', 'ministry of intelligence and security': 'agency:ir-mois',
  irgc: 'agency:ir-irgc', "islamic revolutionary guard corps": 'agency:ir-irgc',
  apt40: 'mitre:G0065', apt31: 'mitre:G0128', hafnium: 'mitre:G0125', 'silk typhoon': 'mitre:G0125',
  apt29: 'mitre:G0016', 'midnight blizzard': 'mitre:G0016', apt28: 'mitre:G0007', sandworm: 'mitre:G0034',
  'lazarus group': 'mitre:G0032', lazarus: 'mitre:G0032', apt10: 'mitre:G0045', 'volt typhoon': 'mitre:G1017',
  'salt typhoon': 'mitre:G1045', 'ember bear': 'mitre:G1003', apt41: 'mitre:G0096', 'star blizzard': 'mitre:G1033',
  turla: 'mitre:G0010', apt38: 'mitre:G0082', kimsuky: 'mitre:G0094', apt27: 'mitre:G0027', apt1: 'mitre:G0006',
  mirrorface: 'mitre:G1054', apt35: 'mitre:G0059', 'unit 61398': 'agency:cn-pla-61398', 'centre 18': 'agency:ru-fsb-center-18',
  'center 16': 'agency:ru-fsb-center-16', 'irgc cyber-electronic command': 'agency:ir-irgc-cec', 'apt42': 'mitre:G1044',
};

const VERB: Record<StatementKind, (acc: string, inc: string) => string> = {
  attribution: (a, i) => `attributes ${i} to ${a}`,
  condemnation: (a, i) => `condemns ${a} over ${i}`,
  advisory: (a, i) => `issues technical guidance on ${a} activity (${i})`,
  indictment: (a, i) => `announces criminal charges or court action against ${a} (${i})`,
  sanctions: (a, i) => `imposes sanctions or rewards targeting ${a} (${i})`,
  'joint-statement': (a, i) => `signs a joint statement blaming ${a} for ${i}`,
  denial: (_a, i) => `rejects the accusations over ${i} as groundless`,
};

/** A one-line summary in our own words, from the structured facts. */
function summarise(s: SourceStatement, incidentName: string): string {
  const who = s.issuerBody ? `${s.issuerBody} (${s.issuer})` : s.issuer;
  const acc = (s.accused ?? []).slice(0, 3).join(', ') || 'the accused';
  const short = `the ${incidentName.replace(/,[^,]*$/, '')}`;
  const conf = s.confidencePhrase ? `, saying “${s.confidencePhrase}”` : '';
  return `${who} ${VERB[s.kind](acc, short)}${conf}.`;
}

function readJsonl<T>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}
function readJson<T>(file: string, fallback: T): T {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : fallback;
}
/** One object per line: diffable and compact. */
function writeRows(file: string, rows: unknown[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
}

function importReference(): void {
  if (!fs.existsSync(refDir)) throw new Error(`no reference at ${refDir}`);
  type RefEvent = { event: string; aliases: string[]; cves: string[]; accused: string[]; first_reported: string | null };
  type RefStatement = Record<string, unknown> & { id: string; event: string; issuer: string; kind: StatementKind; url: string | null };
  const events = readJsonl<RefEvent>(path.join(refDir, 'events.jsonl'));
  const rows = readJsonl<RefStatement>(path.join(refDir, 'statements.jsonl'));
  const keepInc = readJson<SourceIncident[]>(srcInc, []).filter((i) => i.source && i.source !== 'reference');
  const keepSt = readJson<SourceStatement[]>(srcSt, []).filter((s) => s.source && s.source !== 'reference');
  const incidents: SourceIncident[] = events.map((e) => ({
    id: e.event, name: NAMES[e.event] ?? e.event, aliases: [...new Set([...e.aliases, ...(EXTRA_ALIASES[e.event] ?? [])])], cves: e.cves, accusedNames: e.accused,
    firstReported: e.first_reported, keywords: KEYWORDS[e.event] ?? [], source: 'reference',
  }));
  const statements: SourceStatement[] = rows.map((r) => {
    const url = typeof r.url === 'string' && isOfficialUrl(r.url) ? cleanUrl(r.url) : null;
    return {
      id: r.id, incident: r.event, relatedIncidents: (r.related_events as string[] | undefined) ?? [],
      issuer: r.issuer, issuerBody: (r.issuer_body as string | null) ?? null, speaker: (r.speaker as string | null) ?? null,
      date: r.date as string, datePrecision: r.date_precision as DatePrecision, kind: r.kind,
      accused: r.accused as string[], title: (r.title as string | null) ?? null, url,
      urlStatus: url ? ((r.url_status as string | null) ?? null) : null,
      confidencePhrase: (r.confidence_phrase as string | null) ?? null, source: 'reference',
    };
  });
  writeRows(srcInc, [...incidents, ...keepInc]);
  writeRows(srcSt, [...statements, ...keepSt]);
  console.log(`imported ${incidents.length} incidents and ${statements.length} statements; kept ${keepInc.length} + ${keepSt.length} hand-added`);
}

function build(): void {
  const srcIncidents = readJson<SourceIncident[]>(srcInc, []);
  const srcStatements = readJson<SourceStatement[]>(srcSt, []);
  const names = new Map(srcIncidents.map((i) => [i.id, i.name]));
  const statements: Statement[] = srcStatements.map((s) => {
    const issuer = issuerByName(s.issuer);
    return {
      id: s.id, incident: s.incident, relatedIncidents: s.relatedIncidents ?? [], issuer: issuer?.name ?? s.issuer,
      issuerCountry: issuer?.country ?? null, issuerActor: issuer?.kb ?? '', issuerBody: s.issuerBody ?? null,
      speaker: s.speaker ?? null, date: s.date, datePrecision: s.datePrecision ?? 'day', kind: s.kind,
      accused: s.accused ?? [], title: s.title ?? null, url: s.url ?? null, urlStatus: s.url ? (s.urlStatus ?? 'official') : null,
      summary: s.summary ?? summarise(s, names.get(s.incident) ?? s.incident),
      confidencePhrase: s.confidencePhrase ?? null, source: s.source ?? 'hand-curated',
    };
  });
  const incidents: Incident[] = srcIncidents.map((i) => {
    const dates = new Set<string>();
    for (const s of statements) {
      if (s.kind !== 'denial' && (s.incident === i.id || s.relatedIncidents.includes(i.id))) dates.add(s.date);
    }
    const ids = new Set(i.accusedIds ?? []);
    for (const n of i.accusedNames) {
      const id = ACCUSED_IDS[n.toLowerCase()];
      if (id) ids.add(id);
    }
    return {
      id: i.id, name: i.name, aliases: i.aliases ?? [], cves: i.cves ?? [], accusedNames: i.accusedNames,
      accusedIds: [...ids], firstReported: i.firstReported ?? null, attributionDates: [...dates].sort(),
      keywords: i.keywords ?? [], source: i.source ?? 'hand-curated',
    };
  });
  const errors = validateKb(incidents, statements);
  if (errors.length) {
    for (const e of errors) console.error(e);
    process.exit(1);
  }
  writeRows(path.join(root, 'assets/kb/incidents.json'), incidents);
  writeRows(path.join(root, 'assets/kb/statements.json'), statements);
  console.log(`built ${incidents.length} incidents and ${statements.length} statements`);
}

if (process.argv.includes('--import-reference')) importReference();
build();
