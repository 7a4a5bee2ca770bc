import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has working defaults for single-process mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'http://localhost:8080',
      database: { url: undefined, dataDir: './.data', migrateOnStart: true },
      shutdown: { delayMs: 0, timeoutMs: 10_000 },
      auth: { secret: undefined, rateLimit: { enabled: true, signInMax: 10 } },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      PUBLIC_URL: 'https://todo.example.com/',
      DATABASE_URL: 'postgresql://u:p@db:5432/todo',
      BETTER_AUTH_SECRET: 's'.repeat(32),
      MIGRATE_ON_START: 'false',
      TRUSTED_ORIGINS: 'https://a.example.com, https://b.example.com',
      SHUTDOWN_DELAY_MS: '5000',
      TRUST_PROXY: 'true',
    });
    expect(config.port).toBe(9000);
    expect(config.publicUrl).toBe('https://todo.example.com');
    expect(config.database.migrateOnStart).toBe(false);
    expect(config.auth.trustedOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(config.shutdown.delayMs).toBe(5000);
    expect(config.trustedProxyHops).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' }).trustedProxyHops).toBe(2);
    expect(loadConfig({ TRUST_PROXY_HOPS: '2' }).trustedProxyHops).toBeUndefined();
  });

  it('lists every bad variable by name in one error', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        MIGRATE_ON_START: 'maybe',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
        'DATABASE_URL',
        'LOG_LEVEL',
        'MIGRATE_ON_START',
        'PORT',
      ]);
      expect((error as Error).message).toContain('MIGRATE_ON_START: must be true or false');
    }
  });

  it('requires BETTER_AUTH_SECRET with a shared database or in production', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/todo' })).toThrow(/BETTER_AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BETTER_AUTH_SECRET/);
    expect(() => loadConfig({ BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8080);
  });
});
