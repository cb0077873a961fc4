import { inDateline, type Doc } from '../doc';
import { GOV_TITLES, HONORIFICS, NOT_NAME, PRIVATE_TITLES, isSayVerb } from '../lexicon';
import { GIVEN_NAMES } from '../names';
import { startsUpper, type Token } from '../tokens';
import type { ActorRegistry, FoundActor } from './registry';

/**
 * People and officials found by name shape and evidence: a title before the name ("Foreign
 * Minister Marc Garneau"), an apposition ("said Josep Borrell, the EU's foreign policy chief"),
 * a verb of saying next to it, or a known given name. Officials (a government title or role)
 * are typed apart from private persons. Later surname-only mentions join the full name.
 */
export function matchPeople(doc: Doc, reg: ActorRegistry): void {
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (reg.owner[i] !== null || !isNameWord(toks[i]) || isTitleWord(toks[i]) || inDateline(doc, i)) continue;
    const to = nameEnd(toks, reg, i);
    const len = to - i;
    if (len < 1) continue;
    // "Deputy Treasury Secretary Wally Adeyemo": a word before a title word belongs to the title
    if (len === 1 && toks[to] && isTitleWord(toks[to]) && startsUpper(toks[to].text)) continue;
    const role = titleBefore(doc, reg, i) ?? appositionAround(doc, reg, i, to);
    const spoke = sayAround(toks, i, to);
    const given = GIVEN_NAMES.has(toks[i].lower);
    const honorific = i > 0 && (HONORIFICS.has(toks[i - 1].lower) || (toks[i - 1].text === '.' && HONORIFICS.has(toks[i - 2]?.lower ?? '')));
    const evidence = len >= 2 ? !!role || spoke || given || honorific : !!role?.direct || honorific;
    if (!evidence) {
      i = to - 1;
      continue;
    }
    if (NOT_NAME.has(toks[i].lower) && !GIVEN_NAMES.has(toks[i].lower)) {
      i = to - 1;
      continue; // "In Washington", "The Kremlin": not names
    }
    const name = doc.text.slice(toks[i].start, toks[to - 1].end);
    const type = role?.kind === 'gov' ? 'official' : 'person';
    const actor = reg.ensure({ id: `person:${slug(name)}`, name, type, country: role?.country ?? ofState(reg, to), kb: null, entity: null, role: role?.text });
    if (type === 'official' && actor.type === 'person') actor.type = 'official';
    reg.mention(actor, i, to);
    i = to - 1;
  }
  joinShortForms(doc, reg);
}

/** "Foreign Minister Lena Varga of Hungary": the state after the name. */
function ofState(reg: ActorRegistry, to: number): string | null {
  if (reg.tokens[to]?.lower !== 'of') return null;
  const a = reg.at(to + 1) ?? (reg.tokens[to + 1]?.lower === 'the' ? reg.at(to + 2) : null);
  return a?.type === 'state' ? a.country : null;
}

/** A Title-case word that can be part of a name ("Garneau", "O'Neil", "McDonald", "Søreide"). */
function isNameWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.text.length > 1 && startsUpper(t.text) && /^\p{Lu}[\p{Ll}\p{M}'’]*(?:\p{Lu}[\p{Ll}\p{M}]+)?[\p{Ll}\p{M}]$/u.test(t.text);
}

/** Words of titles and roles are never part of a name ("Foreign Minister Marc Garneau"). */
function isTitleWord(t: Token): boolean {
  return GOV_TITLES.has(t.lower) || PRIVATE_TITLES.has(t.lower) || ROLE_WORDS.has(t.lower) || HONORIFICS.has(t.lower) || TITLE_EXTRA.has(t.lower);
}
const TITLE_EXTRA = new Set('lord baroness baron sir dame office safety select committee house white assistant principal permanent under managing executive senior'.split(' '));

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'bin', 'al', 'da', 'di', 'le', 'la', 'du', 'dos', 'del']);

/** End (exclusive) of a name starting at i: 1–4 name words, initials ("J."), particles, "Jong-un". */
function nameEnd(toks: Token[], reg: ActorRegistry, i: number): number {
  let j = i + 1;
  let words = 1;
  while (j < toks.length && words < 4 && reg.owner[j] === null && toks[j].sentence === toks[i].sentence) {
    const t = toks[j];
    const surnameLike = (t.lower === 'may' || t.lower === 'march' || t.lower === 'june') && GIVEN_NAMES.has(toks[j - 1].lower);
    if (isNameWord(t) && (!NOT_NAME.has(t.lower) || surnameLike) && !isSayVerb(t) && !isTitleWord(t)) {
      j++;
      words++;
    } else if (/^\p{Lu}$/u.test(t.text) && toks[j + 1]?.text === '.' && isNameWord(toks[j + 2])) {
      j += 2; // middle initial
    } else if (t.text === '-' && toks[j + 1] && /^\p{L}+$/u.test(toks[j + 1].text) && toks[j + 1].start === t.end) {
      j += 2; // Jong-un
    } else if (PARTICLES.has(t.text) && isNameWord(toks[j + 1])) {
      j++;
    } else break;
  }
  return j;
}

interface Role {
  kind: 'gov' | 'private';
  text: string;
  country: string | null;
  /** The title stands right before the name ("Minister Bill"). */
  direct: boolean;
}

/** "Foreign Minister", "FBI Director", "Sen.", "spokesperson" right before the name. */
function titleBefore(doc: Doc, reg: ActorRegistry, i: number): Role | null {
  const toks = doc.tokens;
  let j = i - 1;
  if (toks[j]?.text === '.') j--; // "Sen." "Gen."
  const first = j;
  let country: string | null = null;
  let kind: Role['kind'] | null = null;
  for (let k = 0; j >= 0 && k < 6; k++, j--) {
    const t = toks[j];
    const owner = reg.at(j);
    if (owner) {
      if (owner.type === 'company') kind = 'private';
      else if (!country) country = owner.country;
      continue;
    }
    if (t.kind === 'punct' && t.lower !== "'s") break;
    if (PRIVATE_TITLES.has(t.lower)) kind = 'private';
    else if (GOV_TITLES.has(t.lower) && !kind) kind = 'gov';
    else if (!(t.lower === "'s" || t.lower === 'of' || startsUpper(t.text) || ROLE_WORDS.has(t.lower))) break;
  }
  if (!kind) return null;
  const text = doc.text.slice(toks[j + 1].start, toks[first].end);
  const f = toks[first].lower;
  return { kind, text, country, direct: GOV_TITLES.has(f) || PRIVATE_TITLES.has(f) || TITLE_EXTRA.has(f) || HONORIFICS.has(f) };
}

/** Lower-case words inside titles: "foreign policy chief", "deputy foreign minister". */
const ROLE_WORDS = new Set(
  'foreign policy deputy senior top former acting defence defense security national cyber public safety affairs state prime vice army military intelligence chief home interior justice trade finance digital press ministry embassy agency council affairs general attorney federal special'.split(' '),
);

/** ", the EU's foreign policy chief," after the name, or "the EU's foreign policy chief, NAME" before it. */
function appositionAround(doc: Doc, reg: ActorRegistry, i: number, to: number): Role | null {
  const toks = doc.tokens;
  const scan = (from: number, step: 1 | -1): Role | null => {
    let kind: Role['kind'] | null = null;
    let country: string | null = null;
    let j = from;
    for (let k = 0; k < 12 && j >= 0 && j < toks.length; k++, j += step) {
      const t = toks[j];
      if (t.text === ',' || t.text === '.' || t.text === ';' || t.text === '(' || t.text === ')') break;
      const owner = reg.at(j);
      if (owner) {
        if (owner.type === 'company') kind ??= 'private';
        else country ??= owner.country;
      }
      if (PRIVATE_TITLES.has(t.lower)) kind = 'private';
      else if (GOV_TITLES.has(t.lower)) kind ??= 'gov';
    }
    if (!kind) return null;
    const a = Math.min(from, j - step);
    const b = Math.max(from, j - step);
    return { kind, country, text: doc.text.slice(toks[a].start, toks[b].end), direct: false };
  };
  if (toks[to]?.text === ',') {
    const r = scan(to + 1, 1);
    if (r) return r;
  }
  if (toks[i - 1]?.text === ',') return scan(i - 2, -1);
  return null;
}

/** "NAME said", "said NAME", "according to NAME", "NAME told". */
function sayAround(toks: Token[], i: number, to: number): boolean {
  const next = toks[to];
  const prev = toks[i - 1];
  if (isSayVerb(next) || isSayVerb(prev)) return true;
  if (prev?.lower === 'to' && toks[i - 2]?.lower === 'according') return true;
  return false;
}

/** "Garneau said" after "Marc Garneau"; "President Biden" and "Joe Biden" become one. */
function joinShortForms(doc: Doc, reg: ActorRegistry): void {
  const toks = doc.tokens;
  const bySurname = new Map<string, FoundActor>();
  const people = [...reg.byId.values()].filter(a => a.type === 'person' || a.type === 'official');
  for (const p of people) {
    const parts = p.name.split(/\s+/);
    if (parts.length < 2) continue;
    bySurname.set(parts[parts.length - 1], p);
    // family name first: "Li Qiang … Li said", "Kim Jong Un … Kim"
    if (FAMILY_FIRST.has(parts[0].toLowerCase()) || FAMILY_FIRST_CC.has(p.country ?? '')) bySurname.set(parts[0], p);
  }
  // single-word actors that are a known surname join the full name
  for (const p of people) {
    if (p.name.includes(' ')) continue;
    const full = bySurname.get(p.name);
    if (full && full !== p) {
      if (p.type === 'official') full.type = 'official';
      reg.merge(p, full);
    }
  }
  for (let i = 0; i < toks.length; i++) {
    if (reg.owner[i] !== null) continue;
    const p = bySurname.get(toks[i].text);
    if (p && reg.byId.has(p.id)) reg.mention(p, i, i + 1);
  }
}

/** Common family names written first (Chinese, Korean, Vietnamese). */
const FAMILY_FIRST = new Set('li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo xi mao geng hua qin lu wen fu kim lee park choi jung kang cho yoon jang lim nguyen tran pham'.split(' '));
const FAMILY_FIRST_CC = new Set(['CN', 'TW', 'KP', 'KR', 'VN', 'HK']);

function slug(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}
