// Personal API tokens as the public API shows them (the secret itself only once, at creation).
import { text } from './text.ts';
import { TOKEN_NAME_MAX } from './vocabulary.ts';
import { z } from './zod.ts';

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'the first characters, to recognise the token' }),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
  })
  .openapi('ApiToken');
export type ApiToken = z.infer<typeof tokenSchema>;

export const createTokenSchema = z
  .strictObject({
    name: text({ filled: true })
      .trim()
      .min(1, 'must not be empty')
      .max(TOKEN_NAME_MAX, `must be at most ${TOKEN_NAME_MAX} characters`)
      .openapi({ example: 'Cursor on my laptop' }),
  })
  .openapi('CreateApiToken');

export const createdTokenSchema = tokenSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;
