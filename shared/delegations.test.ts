import { describe, expect, it } from 'vitest';
import { DELEGATIONS, delegationByCode, groupsOf } from './delegations.js';

const codesOfGroups = (code: string): string[] => groupsOf(code).map((g) => g.code);

describe('delegations', () => {
  it('lists the 193 Member States and the two observer States', () => {
    expect(DELEGATIONS.filter((d) => d.kind === 'member-state')).toHaveLength(193);
    expect(DELEGATIONS.filter((d) => d.kind === 'observer-state').map((d) => d.code)).toEqual(['VAT', 'PSE']);
  });

  it('has unique codes', () => {
    const codes = DELEGATIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists only existing delegations as members, each once', () => {
    for (const d of DELEGATIONS) {
      if (!d.members) continue;
      expect(d.kind === 'group' || d.code === 'EU').toBe(true);
      expect(new Set(d.members).size, d.code).toBe(d.members.length);
      for (const m of d.members)
        expect(delegationByCode(m)?.kind, `${d.code} member ${m}`).toMatch(/-state$/);
    }
  });

  it('puts every Member State but the United States in exactly one regional group', () => {
    const regional = ['AFRG', 'APG', 'GRULAC', 'EEG', 'WEOG'];
    for (const d of DELEGATIONS.filter((x) => x.kind === 'member-state')) {
      const groups = codesOfGroups(d.code).filter((g) => regional.includes(g));
      expect(groups, d.code).toHaveLength(1);
    }
  });

  it('knows the groups of a delegation', () => {
    expect(codesOfGroups('BGD')).toEqual(expect.arrayContaining(['G77', 'LDC', 'APG']));
    expect(codesOfGroups('FRA')).toEqual(['EU', 'WEOG']);
    expect(codesOfGroups('JAM')).toEqual(
      expect.arrayContaining(['CARICOM', 'AOSIS', 'GRULAC', 'CELAC', 'G77']),
    );
    expect(groupsOf('EU')).toEqual([]);
  });

  it('gives the European Union its 27 member States', () => {
    const eu = delegationByCode('EU');
    expect(eu?.kind).toBe('organization');
    expect(eu?.members).toHaveLength(27);
  });

  it('uses the short names of compilations', () => {
    expect(delegationByCode('USA')?.name).toBe('United States');
    expect(delegationByCode('GBR')?.name).toBe('United Kingdom');
    expect(delegationByCode('TUR')?.name).toBe('Türkiye');
    expect(delegationByCode('G77')?.name).toBe('G77 and China');
    expect(delegationByCode('XYZ')).toBeUndefined();
  });
});
