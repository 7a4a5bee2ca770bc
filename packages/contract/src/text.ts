// Text fields as people type them: PostgreSQL cannot store the NUL character, so it is refused
// with a clear message instead of failing deep in the database.
import { z } from './zod.ts';

const NO_NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator), spelled out
 * so an OpenAPI pattern means the same to every regex engine that reads it. */
export const SPACE_CHARACTERS =
  '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** The OpenAPI pattern of `text()`: no NUL anywhere. */
const NO_NUL_PATTERN = '^[^\\u0000]*$';
/** The OpenAPI pattern of `text({ filled: true })`: no NUL, and more than spaces. */
const FILLED_PATTERN = `^[^\\u0000]*[^\\u0000${SPACE_CHARACTERS}][^\\u0000]*$`;

/**
 * A text field. `filled` ones are trimmed and must keep at least one character; their OpenAPI
 * pattern says so, as it says that NUL is refused.
 */
export const text = ({ filled = false }: { filled?: boolean } = {}) =>
  z
    .string()
    .refine((value) => !value.includes('\u0000'), NO_NUL_MESSAGE)
    .openapi({ pattern: filled ? FILLED_PATTERN : NO_NUL_PATTERN });
