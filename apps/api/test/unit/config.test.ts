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

  it('holds wrong passwords back per account for minutes, not hours', () => {
    expect(loadConfig({}).auth.passwordGuard).toEqual({
      accountFailures: 10,
      addressFailures: 5,
      maxWaitSeconds: 300,
    });
    const tuned = loadConfig({ SIGN_IN_ACCOUNT_FAILURES: '20', SIGN_IN_MAX_WAIT_SECONDS: '60' });
    expect(tuned.auth.passwordGuard).toMatchObject({ accountFailures: 20, maxWaitSeconds: 60 });
    expect(() => loadConfig({ SIGN_IN_MAX_WAIT_SECONDS: '7200' })).toThrow(
      /SIGN_IN_MAX_WAIT_SECONDS/,
    );
    expect(() => loadConfig({ SIGN_IN_ADDRESS_FAILURES: '0' })).toThrow(/SIGN_IN_ADDRESS_FAILURES/);
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

  it('bounds hostile clients by default: timeouts, connections, per-user budgets and the task cap', () => {
    const config = loadConfig({});
    // Longer than the 60 s for which the chart's proxies keep idle upstream connections.
    expect(config.http).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 1_000,
    });
    expect(config.tasksPerUserMax).toBe(10_000);
    expect(config.userLimits).toEqual({
      enabled: true,
      requests: { max: 600, windowSeconds: 60 },
      chatTurns: { max: 30, windowSeconds: 60 },
      inFlight: 2,
      queued: 32,
    });
    expect(() =>
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ TASKS_PER_USER_MAX: '0' })).toThrow(/TASKS_PER_USER_MAX/);
  });
});
