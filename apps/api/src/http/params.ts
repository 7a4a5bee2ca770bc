// Path parameters shared by every user-scoped resource.
import { z } from '@hono/zod-openapi';

export const userIdParam = z
  .string()
  .min(1)
  .max(128)
  .openapi({
    param: { name: 'user_id', in: 'path' },
    description: 'your user id, or `me`',
    example: 'me',
  });

/** The `{user_id}` that opens every user-scoped path. */
export const userParams = z.object({ user_id: userIdParam });

/** A serial id in the path; `what` names it in the error a person reads. */
export function idParam(what: string) {
  const message = `must be a ${what} id (a positive whole number)`;
  return z.coerce
    .number({ message })
    .int(message)
    .min(1, message)
    .max(2_147_483_647, `is too large to be a ${what} id`)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 });
}
