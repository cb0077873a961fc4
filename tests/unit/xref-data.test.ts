import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import incidentsJson from '../../assets/kb/incidents.json';
import statementsJson from '../../assets/kb/statements.json';
import { ISSUERS, issuerByName } from '../../lib/xref/issuers';
import { STATEMENT_KINDS, type Incident, type Statement } from '../../lib/xref/types';
import { isIsoDay, isOfficialUrl, validateKb } from '../../lib/xref/validate';

const incidents = incidentsJson as Incident[];
const statements = statementsJson as Statement[];
const refDir = path.resolve(import.meta.dirname, '../../../shared/reference');

describe('incident and statement knowledge base', () => {
  it('passes every schema check', () => {
    expect(validateKb(incidents, statements)).toEqual([]);
  });

  it('has unique ids, valid dates, known incidents, issuers and kinds, official https URLs', () => {
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length);
    const ids = new Set(incidents.map((i) => i.id));
    for (const s of statements) {
      expect(isIsoDay(s.date), s.id).toBe(true);
      expect(ids.has(s.incident), s.id).toBe(true);
      expect(issuerByName(s.issuer)?.name, s.id).toBe(s.issuer);
      expect(STATEMENT_KINDS).toContain(s.kind);
      if (s.url !== null) expect(s.url, s.id).toMatch(/^https:\/\/[^/]+\//);
    }
  });

  it('covers the reference and more', () => {
    expect(statements.length).toBeGreaterThan(148);
    expect(incidents.length).toBeGreaterThan(21);
  });

  it('rejects what the checks exist for', () => {
    const inc = incidents[0];
    const bad: Statement = { ...statements[0], id: statements[1].id, date: '2021-02-30', issuer: 'Atlantis', url: 'http://example.com/x', kind: 'rumour' as Statement['kind'] };
    const errors = validateKb([inc], [statements[1], bad]);
    expect(errors.join('\n')).toMatch(/duplicate statement/);
    expect(errors.join('\n')).toMatch(/bad date/);
    expect(errors.join('\n')).toMatch(/unknown issuer/);
    expect(errors.join('\n')).toMatch(/not an official https URL/);
    expect(errors.join('\n')).toMatch(/bad kind/);
    expect(isOfficialUrl('https://www.gov.uk/government/news/x')).toBe(true);
    expect(isOfficialUrl('https://www.justice.gov/opa/pr/x')).toBe(true);
    expect(isOfficialUrl('https://www.theguardian.com/world/x')).toBe(false);
    expect(isOfficialUrl('http://www.justice.gov/opa/pr/x')).toBe(false);
  });

  it('keeps one issuer table with KB ids, countries and flags', () => {
    expect(issuerByName('US')?.kb).toBe('iso:US');
    expect(issuerByName('European Union')?.country).toBeNull();
    expect(issuerByName('United Kingdom')?.flag).toBe('🇬🇧');
    expect(new Set(ISSUERS.map((i) => i.kb)).size).toBe(ISSUERS.length);
  });

  it.skipIf(!fs.existsSync(refDir))('contains every reference statement on its reference event (skipped without ../shared/reference)', () => {
    const ref = fs.readFileSync(path.join(refDir, 'statements.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; event: string; issuer: string; date: string });
    const byId = new Map(statements.map((s) => [s.id, s]));
    for (const r of ref) {
      const s = byId.get(r.id);
      expect(s, r.id).toBeDefined();
      expect([s?.incident, s?.issuer, s?.date]).toEqual([r.event, r.issuer, r.date]);
    }
  });
});
