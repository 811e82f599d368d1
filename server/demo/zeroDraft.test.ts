import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { zeroDraftJson } from './zeroDraft.js';

const load = () => schema.nodeFromJSON(zeroDraftJson());

const countOf = (type: string): number => {
  let n = 0;
  load().forEach((child) => {
    if (child.type.name === type) n += 1;
  });
  return n;
};

describe('zero draft', () => {
  it('is a valid document of the schema', () => {
    expect(() => load().check()).not.toThrow();
  });

  it('starts with the title', () => {
    const doc = load();
    expect(doc.firstChild?.type.name).toBe('title');
    expect(doc.firstChild?.textContent).toMatch(/^Progress Declaration/);
  });

  it('has a preamble of about ten paragraphs, then sections with operative paragraphs', () => {
    expect(countOf('preambular')).toBeGreaterThanOrEqual(8);
    expect(countOf('preambular')).toBeLessThanOrEqual(12);
    expect(countOf('operative')).toBeGreaterThanOrEqual(40);
    expect(countOf('operative')).toBeLessThanOrEqual(60);
    expect(countOf('section')).toBeGreaterThanOrEqual(4);
    expect(countOf('section')).toBeLessThanOrEqual(6);
  });

  it('gives every paragraph a unique, deterministic pid', () => {
    const pids: string[] = [];
    load().forEach((child) => {
      if (child.type.name === 'preambular' || child.type.name === 'operative')
        pids.push(String(child.attrs.pid));
    });
    expect(new Set(pids).size).toBe(pids.length);
    expect(pids[0]).toBe('pp01');
    expect(pids).toContain('op01');
    expect(pids.every((p) => /^(pp|op)\d{2}$/.test(p))).toBe(true);
    expect(zeroDraftJson()).toEqual(zeroDraftJson());
  });

  it('sets the opening words of each paragraph in italics', () => {
    load().forEach((child) => {
      if (child.type.name !== 'preambular' && child.type.name !== 'operative') return;
      expect(child.firstChild?.marks.map((m) => m.type.name)).toEqual(['em']);
    });
  });
});
