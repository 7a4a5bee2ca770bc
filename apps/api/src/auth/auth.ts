// Better Auth: email + password accounts, session cookies, bearer tokens and JWTs.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { bearer, jwt, openAPI } from 'better-auth/plugins';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { accounts, jwks, rateLimits, sessions, users, verifications } from '../db/schema.ts';
import { checkAuthInput } from './input.ts';
import { UNUSED_AUTH_ROUTES } from './routes.ts';
import { answerExistingEmail, type SignUpBody, type SignUpContext } from './sign-up.ts';

/** The header our own middleware sets from the connection; clients cannot supply it. */
export const CLIENT_IP_HEADER = 'x-todo-client-ip';

/** A session lasts 30 days and is extended, to 30 days from then, once it is a day old. */
export const SESSION_SECONDS = { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 };

export interface AuthOptions {
  db: Db;
  config: Config;
  secret: string;
  logger: Logger;
}

export function createAuth({ db, config, secret, logger }: AuthOptions) {
  const { rateLimit } = config.auth;
  const signInBudget = { window: rateLimit.signInWindowSeconds, max: rateLimit.signInMax };
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
    session: SESSION_SECONDS,
    rateLimit: {
      enabled: rateLimit.enabled,
      // In the database, so every replica counts the same attempts.
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': signInBudget,
        // Each checks a password, so each is a guess: a session must not buy 100 a minute.
        '/verify-password': signInBudget,
        '/change-password': signInBudget,
        '/sign-up/email': { window: 60, max: 10 },
      },
    },
    // The handler serves only SERVED_AUTH_ROUTES; this keeps the rest out of the document too.
    disabledPaths: UNUSED_AUTH_ROUTES,
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = checkAuthInput(ctx.path, ctx.body);
        if (ctx.path === '/sign-up/email') {
          const answer = await answerExistingEmail(
            ctx as unknown as SignUpContext,
            body as unknown as SignUpBody,
          );
          if (answer) return answer;
        }
        return body ? { context: { body } } : undefined;
      }),
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
