// Better Auth: email + password accounts, session cookies, bearer tokens and JWTs.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer, jwt, openAPI } from 'better-auth/plugins';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { accounts, jwks, rateLimits, sessions, users, verifications } from '../db/schema.ts';

/** The header our own middleware sets from the connection; clients cannot supply it. */
export const CLIENT_IP_HEADER = 'x-todo-client-ip';

export interface AuthOptions {
  db: Db;
  config: Config;
  secret: string;
  logger: Logger;
}

export function createAuth({ db, config, secret, logger }: AuthOptions) {
  const { rateLimit } = config.auth;
  return betterAuth({
    appName: 'todo-chatbot',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.publicUrl, ...config.auth.trustedOrigins],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        jwks,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: rateLimit.enabled,
      // In the database, so every replica counts the same attempts.
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: rateLimit.signInWindowSeconds, max: rateLimit.signInMax },
        '/sign-up/email': { window: 60, max: 10 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.publicUrl.startsWith('https://'),
    },
    telemetry: { enabled: false },
    logger: {
      log: (level, message, ...args) => logger[level]({ args, component: 'auth' }, message),
    },
    plugins: [
      // Only signed tokens: the database stores raw session tokens, and a leaked copy of it
      // must not be enough to act as its users.
      bearer({ requireSignature: true }),
      // Other services verify these against /api/auth/jwks; they need the id, not the profile.
      jwt({
        // Signing a JWT into a header on every session read costs a key decrypt and a signature
        // that nothing here uses; services ask GET /api/auth/token when they need one.
        disableSettingJwtHeader: true,
        jwt: { definePayload: ({ user }) => ({ email: user.email, name: user.name }) },
      }),
      // The document only: its reference page loads scripts from a CDN; /api/docs is ours.
      openAPI({ disableDefaultReference: true }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
