// The one error shape every endpoint answers with.
import { z } from './zod.ts';

const fieldProblemSchema = z.object({ field: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'task_not_found' }),
      message: z.string().openapi({ example: 'Task 42 was not found.' }),
      details: z
        .array(fieldProblemSchema)
        .optional()
        .openapi({ description: 'one entry per invalid field' }),
      request_id: z.string().optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorBodySchema>;
