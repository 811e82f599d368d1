import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

const read = (env: Record<string, string>) => readConfig(env, '/app');

describe('readConfig', () => {
  it('defaults to no proxy, no public URL and no extra origins', () => {
    expect(read({})).toMatchObject({ trustProxy: false, publicUrl: undefined, allowedOrigins: [] });
  });

  it('reads TRUST_PROXY as Express takes it: a boolean, a hop count or addresses', () => {
    expect(read({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(read({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(read({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(read({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('normalises PUBLIC_URL and ALLOWED_ORIGINS to origins', () => {
    const c = read({
      PUBLIC_URL: 'https://Texts.Example.org/',
      ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080',
    });
    expect(c.publicUrl).toBe('https://texts.example.org');
    expect(c.allowedOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
  });

  it('refuses a PUBLIC_URL or allowed origin that is not an http(s) origin, naming the variable', () => {
    expect(() => read({ PUBLIC_URL: 'texts.example.org' })).toThrow(/PUBLIC_URL/);
    expect(() => read({ PUBLIC_URL: 'https://example.org/app' })).toThrow(/PUBLIC_URL/);
    expect(() => read({ ALLOWED_ORIGINS: 'https://ok.example,ftp://x' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('reads REDIS_URL as a redis:// or rediss:// address, and none when empty', () => {
    expect(read({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(read({ REDIS_URL: 'rediss://cache.example:6380' }).redisUrl).toBe('rediss://cache.example:6380');
    expect(read({ REDIS_URL: '' }).redisUrl).toBeUndefined();
    expect(() => read({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => read({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });

  it('uses SQLite unless DATABASE_URL names a PostgreSQL database, and refuses anything else', () => {
    expect(read({}).databaseUrl).toBeUndefined();
    expect(read({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(read({ DATABASE_URL: 'postgres://app@db.internal:5432/negotiations' }).databaseUrl).toBe(
      'postgres://app@db.internal:5432/negotiations',
    );
    expect(() => read({ DATABASE_URL: 'mysql://app@db/negotiations' })).toThrow(/DATABASE_URL/);
    expect(() => read({ DATABASE_URL: 'negotiations.sqlite' })).toThrow(/DATABASE_URL/);
  });
});
