// What a client may send to the account endpoints, checked as strictly as our own API's bodies.
import { z } from '@hono/zod-openapi';
import { text } from '@todo-chatbot/contract';
import { APIError } from 'better-auth/api';
import { describeIssues } from '../http/errors.ts';

/** Control characters have no place in a name (NUL, which cannot be stored, has its own message). */
const CONTROL = /\p{Cc}/u;

const name = text({ filled: true })
  .refine(
    (value) => value.includes('\u0000') || !CONTROL.test(value),
    'must not contain control characters',
  )
  .refine((value) => value.isWellFormed(), 'must be valid Unicode text (no lone surrogates)')
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
const email = text().max(254, 'must be at most 254 characters');
// Better Auth checks the length of a password itself, with its own codes the web app knows.
const password = text();
const image = z
  .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
  .max(2048, 'must be at most 2048 characters')
  .nullable();
const callbackURL = text().max(2048, 'must be at most 2048 characters');
const noBody = z.strictObject({}).optional();

/** Per Better Auth path that takes a body: what it may hold. The GET routes take none. */
const bodies: Record<string, z.ZodType> = {
  '/sign-up/email': z.strictObject({
    name,
    email,
    password,
    image: image.optional(),
    callbackURL: callbackURL.optional(),
    rememberMe: z.boolean().optional(),
  }),
  '/sign-in/email': z.strictObject({
    email,
    password,
    callbackURL: callbackURL.optional(),
    rememberMe: z.boolean().optional(),
  }),
  '/update-user': z.strictObject({ name: name.optional(), image: image.optional() }),
  '/change-password': z.strictObject({
    currentPassword: password,
    newPassword: password,
    revokeOtherSessions: z.boolean().optional(),
  }),
  '/verify-password': z.strictObject({ password }),
  '/sign-out': noBody,
  '/revoke-sessions': noBody,
};

/**
 * The body Better Auth should act on (names trimmed), or a 400 in Better Auth's error shape with
 * our message and details. Better Auth itself accepts any extra field and any length, and a NUL
 * reached the database as a 500; a 900 KB name became a 1.2 MB JWT.
 */
export function checkAuthInput(path: string, body: unknown): Record<string, unknown> | undefined {
  const schema = bodies[path];
  if (!schema) return undefined;
  const result = schema.safeParse(body);
  if (result.success) return result.data as Record<string, unknown> | undefined;
  const { message, details } = describeIssues(result.error.issues);
  throw new APIError('BAD_REQUEST', { code: 'VALIDATION_FAILED', message, details });
}
