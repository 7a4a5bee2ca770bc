// Router factory shared by every resource: typed context and one validation hook.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { describeIssues, errorBody } from './errors.ts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

/** Who the caller is, and how they proved it. */
export interface Caller {
  user: AuthenticatedUser;
  authMethod: 'session' | 'api_token';
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    user: Caller['user'];
    authMethod: Caller['authMethod'];
  };
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const { message, details } = describeIssues(result.error.issues);
      // A malformed path or query is a bad request; a well-formed body with bad values is 422.
      const status = result.target === 'json' ? 422 : 400;
      return c.json(errorBody('validation_failed', message, details, c.get('requestId')), status);
    },
  });
}
