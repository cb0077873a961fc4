/**
 * States and intergovernmental bodies that issue statements, spelled as in ../shared/reference
 * ("United States", "European Union", "NATO"), with their actor KB id, ISO country and flag.
 */

/** One issuer: a state or an intergovernmental body. */
export interface Issuer {
  /** Canonical name used in statements. */
  name: string;
  /** Actor KB id: `iso:US`, `io:eu`. */
  kb: string;
  /** ISO 3166-1 alpha-2, or null for bodies. */
  country: string | null;
  /** Flag emoji (regional indicators for states, 🇪🇺 for the EU, 🏳 otherwise). */
  flag: string;
  /** Other names a claimant may carry ("US", "Britain"); compared after `foldName`. */
  aliases: string[];
}

/** [name, ISO alpha-2, aliases] of states. */
const STATES: Array<[string, string, string[]]> = [
  ['United States', 'US', ['US', 'U.S.', 'USA', 'United States of America', 'America', 'Washington']],
  ['United Kingdom', 'GB', ['UK', 'U.K.', 'Britain', 'Great Britain', 'London']],
  ['Australia', 'AU', ['Canberra']],
  ['Canada', 'CA', ['Ottawa']],
  ['New Zealand', 'NZ', ['Wellington']],
  ['Japan', 'JP', ['Tokyo']],
  ['South Korea', 'KR', ['Republic of Korea', 'Korea', 'Seoul']],
  ['North Korea', 'KP', ['DPRK', "Democratic People's Republic of Korea", 'Pyongyang']],
  ['China', 'CN', ["People's Republic of China", 'PRC', 'Beijing']],
  ['Taiwan', 'TW', ['Taipei']],
  ['Russia', 'RU', ['Russian Federation', 'Moscow', 'Kremlin']],
  ['Iran', 'IR', ['Islamic Republic of Iran', 'Tehran']],
  ['Israel', 'IL', []],
  ['India', 'IN', []],
  ['Pakistan', 'PK', []],
  ['Singapore', 'SG', []],
  ['Philippines', 'PH', []],
  ['Malaysia', 'MY', []],
  ['Vietnam', 'VN', ['Viet Nam']],
  ['Indonesia', 'ID', []],
  ['Thailand', 'TH', []],
  ['Norway', 'NO', ['Oslo']],
  ['Germany', 'DE', ['Berlin', 'Federal Republic of Germany']],
  ['France', 'FR', ['Paris']],
  ['Netherlands', 'NL', ['The Netherlands', 'Holland', 'The Hague']],
  ['Belgium', 'BE', []],
  ['Luxembourg', 'LU', []],
  ['Czech Republic', 'CZ', ['Czechia', 'Prague']],
  ['Slovakia', 'SK', []],
  ['Poland', 'PL', ['Warsaw']],
  ['Finland', 'FI', ['Helsinki']],
  ['Sweden', 'SE', ['Stockholm']],
  ['Denmark', 'DK', ['Copenhagen']],
  ['Iceland', 'IS', []],
  ['Estonia', 'EE', ['Tallinn']],
  ['Latvia', 'LV', ['Riga']],
  ['Lithuania', 'LT', ['Vilnius']],
  ['Ireland', 'IE', ['Dublin']],
  ['Italy', 'IT', ['Rome']],
  ['Spain', 'ES', ['Madrid']],
  ['Portugal', 'PT', []],
  ['Greece', 'GR', []],
  ['Austria', 'AT', ['Vienna']],
  ['Switzerland', 'CH', []],
  ['Slovenia', 'SI', []],
  ['Croatia', 'HR', []],
  ['Romania', 'RO', []],
  ['Bulgaria', 'BG', []],
  ['Hungary', 'HU', []],
  ['Montenegro', 'ME', []],
  ['North Macedonia', 'MK', []],
  ['Albania', 'AL', ['Tirana']],
  ['Moldova', 'MD', []],
  ['Ukraine', 'UA', ['Kyiv', 'Kiev']],
  ['Belarus', 'BY', ['Minsk']],
  ['Georgia', 'GE', ['Tbilisi']],
  ['Turkey', 'TR', ['Türkiye', 'Ankara']],
  ['Saudi Arabia', 'SA', ['Riyadh']],
  ['United Arab Emirates', 'AE', ['UAE']],
  ['Qatar', 'QA', []],
  ['Bangladesh', 'BD', []],
  ['Costa Rica', 'CR', []],
  ['Brazil', 'BR', []],
  ['Mexico', 'MX', []],
  ['South Africa', 'ZA', []],
];

/** [name, KB id, flag, aliases] of intergovernmental bodies. */
const BODIES: Array<[string, string, string, string[]]> = [
  ['European Union', 'io:eu', '🇪🇺', ['EU', 'E.U.', 'Council of the EU', 'Council of the European Union', 'European Council', 'Brussels']],
  ['NATO', 'io:nato', '🏳', ['North Atlantic Treaty Organization', 'North Atlantic Council', 'the Alliance']],
  ['United Nations', 'io:un', '🇺🇳', ['UN', 'U.N.', 'UN Security Council']],
  ['G7', 'io:g7', '🏳', ['Group of Seven', 'G-7']],
  ['Five Eyes', 'io:five-eyes', '🏳', ['Five Eyes alliance']],
  ['OSCE', 'io:osce', '🏳', ['Organization for Security and Co-operation in Europe']],
];

/** Flag emoji of an ISO 3166-1 alpha-2 code. */
export function flagOf(iso: string): string {
  return [...iso.toUpperCase()].map((c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 65)).join('');
}

/** Folds a name for comparison: case, accents, punctuation, a leading "the". */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every known issuer. */
export const ISSUERS: readonly Issuer[] = [
  ...STATES.map(([name, iso, aliases]) => ({ name, kb: `iso:${iso}`, country: iso, flag: flagOf(iso), aliases })),
  ...BODIES.map(([name, kb, flag, aliases]) => ({ name, kb, country: null, flag, aliases })),
];

const byName = new Map<string, Issuer>();
const byKb = new Map<string, Issuer>();
const byCountry = new Map<string, Issuer>();
for (const i of ISSUERS) {
  byKb.set(i.kb, i);
  if (i.country) byCountry.set(i.country, i);
  for (const n of [i.name, ...i.aliases]) if (!byName.has(foldName(n))) byName.set(foldName(n), i);
}

/** The issuer with this canonical name or alias, or undefined. */
export function issuerByName(name: string): Issuer | undefined {
  return byName.get(foldName(name));
}

/** The issuer with this KB id (`iso:US`, `state:US`, `io:eu`), or undefined. */
export function issuerByKb(id: string): Issuer | undefined {
  const m = /^(?:iso|state):([A-Z]{2})$/i.exec(id);
  if (m) return byCountry.get(m[1].toUpperCase());
  return byKb.get(id.toLowerCase());
}

/** The state issuer of an ISO alpha-2 country, or undefined. */
export function issuerByCountry(iso: string): Issuer | undefined {
  return byCountry.get(iso.toUpperCase());
}
