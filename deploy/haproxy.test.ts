import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, haproxyConfig } from './haproxy.js';

const EXAMPLE = exampleConfig();

/** HAProxy's verdict on a configuration (`haproxy -c`). */
function check(config: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'haproxy-')), 'haproxy.cfg');
  writeFileSync(file, config);
  return execFileSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
}
describe('the HAProxy configuration', () => {
  it('is the one in deploy/haproxy.cfg for the three-host example', () => {
    expect(readFileSync(join(import.meta.dirname, 'haproxy.cfg'), 'utf8')).toBe(EXAMPLE);
  });

  it('is accepted by HAProxy', () => {
    expect(check(EXAMPLE)).toContain('valid');
  });

  it('names the answering process only when asked to (the cluster on one machine)', () => {
    const identified = haproxyConfig({
      bind: '127.0.0.1:3000',
      backends: [{ name: 'node1', host: '127.0.0.1', port: 3001 }],
      identifyServer: true,
    });
    expect(identified).toContain('X-Served-By');
    expect(EXAMPLE).not.toContain('X-Served-By');
    expect(check(identified)).toContain('valid');
  });
});
