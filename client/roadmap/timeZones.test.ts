import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../shared/time.js';
import { timeZoneChoices } from './timeZones.js';

describe('timeZoneChoices', () => {
  it('offers every IANA zone of the runtime, the given ones and UTC, sorted and once each', () => {
    const zones = timeZoneChoices(['America/New_York', 'Etc/GMT+5']);
    expect(zones.length).toBeGreaterThan(300);
    for (const z of ['Europe/Vienna', 'Africa/Nairobi', 'Asia/Bangkok', 'UTC', 'Etc/GMT+5'])
      expect(zones).toContain(z);
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
    expect(zones.every(isTimeZone)).toBe(true);
  });
});
