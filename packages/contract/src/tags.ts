// Tags as typed: surrounding spaces and leading `#` are dropped, letters lowercased.
import { SPACE_CHARACTERS } from './text.ts';
import { TAG_MAX_LENGTH, TAGS_MAX } from './vocabulary.ts';
import { z } from './zod.ts';

const TAG_CHARACTERS = '[\\p{L}\\p{N}_-]';

export const tagSchema = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#+/, ''))
  .pipe(
    z
      .string()
      .min(1, 'a tag must not be empty')
      .max(TAG_MAX_LENGTH, `a tag must be at most ${TAG_MAX_LENGTH} characters`)
      .regex(/^[\p{L}\p{N}_-]+$/u, 'a tag may hold only letters, digits, - and _')
      // Checked before lowercasing: "İ" lowercases to "i" and a combining dot, not a letter.
      .transform((tag) => tag.toLowerCase()),
  )
  .openapi({
    type: 'string',
    pattern: `^[${SPACE_CHARACTERS}]*#*${TAG_CHARACTERS}{1,${TAG_MAX_LENGTH}}[${SPACE_CHARACTERS}]*$`,
    description: `letters, digits, - and _, at most ${TAG_MAX_LENGTH}; a leading # is dropped and letters are lowercased`,
    example: 'home',
  });

/** A task's tags, each normalised as tagSchema does it, without repeats. */
export const tagsSchema = z
  .array(tagSchema)
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform((list) => [...new Set(list)])
  .openapi({ example: ['home', 'errands'] });
