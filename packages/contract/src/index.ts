// The public contract of the todo API: its vocabulary and JSON shapes as zod schemas with their
// TypeScript types, for the REST routes, the MCP tools, the engine and the web app.
export * from './chat.ts';
export * from './date-time.ts';
export * from './errors.ts';
export * from './priority.ts';
export * from './quick-add.ts';
export * from './recurrence.ts';
export * from './tags.ts';
export * from './task.ts';
export * from './task-input.ts';
export * from './task-query.ts';
export * from './text.ts';
export * from './time-zone.ts';
export * from './token.ts';
export * from './tools/aliases.ts';
export * from './tools/catalogue.ts';
export * from './vocabulary.ts';
