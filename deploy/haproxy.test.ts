import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig } from './haproxy.js';

const EXAMPLE = exampleConfig();
describe('the HAProxy configuration', () => {
  it('is the one in deploy/haproxy.cfg for the three-host example', () => {
    expect(readFileSync(join(import.meta.dirname, 'haproxy.cfg'), 'utf8')).toBe(EXAMPLE);
  });

  it('is accepted by HAProxy', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'haproxy-')), 'haproxy.cfg');
    writeFileSync(file, EXAMPLE);
    expect(execFileSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' })).toContain('valid');
  });
});
