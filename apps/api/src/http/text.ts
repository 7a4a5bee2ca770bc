// Text fields as people type them: PostgreSQL cannot store the NUL character, so it is refused
// with a clear message instead of failing deep in the database.
import { z } from '@hono/zod-openapi';

export const NO_NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

export const text = () => z.string().refine((value) => !value.includes('\u0000'), NO_NUL_MESSAGE);
