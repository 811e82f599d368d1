import { describe, expect, it } from 'vitest';
import { delegationFromInput, FACILITATOR_DELEGATIONS, PARTICIPANT_DELEGATIONS } from './delegationChoice.js';

describe('delegationFromInput', () => {
  it('finds a delegation by name or code in any case, or by "Name (CODE)"', () => {
    expect(delegationFromInput('France', PARTICIPANT_DELEGATIONS)?.code).toBe('FRA');
    expect(delegationFromInput('  france ', PARTICIPANT_DELEGATIONS)?.code).toBe('FRA');
    expect(delegationFromInput('fra', PARTICIPANT_DELEGATIONS)?.code).toBe('FRA');
    expect(delegationFromInput('European Union (EU)', PARTICIPANT_DELEGATIONS)?.code).toBe('EU');
    expect(delegationFromInput("Côte d'Ivoire", PARTICIPANT_DELEGATIONS)?.code).toBe('CIV');
  });

  it('finds nothing for partial or unknown text', () => {
    expect(delegationFromInput('', PARTICIPANT_DELEGATIONS)).toBeNull();
    expect(delegationFromInput('Fran', PARTICIPANT_DELEGATIONS)).toBeNull();
    expect(delegationFromInput('Atlantis', PARTICIPANT_DELEGATIONS)).toBeNull();
  });

  it('offers no negotiating groups to belong to, and only Member States to co-facilitate', () => {
    expect(delegationFromInput('G77 and China', PARTICIPANT_DELEGATIONS)).toBeNull();
    expect(delegationFromInput('EU', PARTICIPANT_DELEGATIONS)?.name).toBe('European Union');
    expect(delegationFromInput('EU', FACILITATOR_DELEGATIONS)).toBeNull();
    expect(delegationFromInput('Holy See', FACILITATOR_DELEGATIONS)).toBeNull();
    expect(delegationFromInput('Bangladesh', FACILITATOR_DELEGATIONS)?.code).toBe('BGD');
  });
});
