// The OpenAPI document and a Swagger UI served from our own origin (no CDN, works offline).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './router.ts';

const swaggerDir = path.dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
const JAVASCRIPT = 'text/javascript; charset=utf-8';
// A Map, not an object literal: `constructor` or `__proto__` in the path must find nothing.
const assets = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', JAVASCRIPT],
]);

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>todo-chatbot API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body>
</html>`;
const init = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', withCredentials: true });`;

export function mountDocs(app: OpenAPIHono<AppEnv>, version: string) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from the `set-auth-token` header of sign-in or sign-up.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'todo-chatbot API',
      version,
      description:
        'Tasks for the signed-in user. `{user_id}` is your own id or `me`. Accounts (sign-up, sign-in, sign-out, session, JWKS) live under `/api/auth`: their own OpenAPI document is at `/api/auth/open-api/generate-schema`.',
    },
  });
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) => c.body(init, 200, { 'Content-Type': JAVASCRIPT }));
  app.get('/api/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = assets.get(file);
    if (!type) return c.notFound();
    const body = await readFile(path.join(swaggerDir, file));
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
