// How important a task is, as a schema (the plain list is in vocabulary.ts).
import { PRIORITIES } from './vocabulary.ts';
import { z } from './zod.ts';

export const prioritySchema = z.enum(PRIORITIES).openapi({ example: 'high' });
