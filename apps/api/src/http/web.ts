// Serves the built web app on the same origin as the API (single-process mode).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './router.ts';
import { contentSecurityPolicy, inlineScriptHashes, PERMISSIONS_POLICY } from './web-policy.ts';

export const isApiPath = (requestPath: string) => /^\/(api|mcp)(\/|$)/.test(requestPath);

function cacheControl(requestPath: string): string {
  // Hashed build assets never change under the same name; pages must always be revalidated.
  if (requestPath.startsWith('/_next/static/')) return 'public, max-age=31536000, immutable';
  const isPage = /\.html$/.test(requestPath) || !/\.[a-z0-9]+$/i.test(requestPath);
  return isPage ? 'no-cache' : 'public, max-age=3600';
}

/**
 * Static export routes: the exact file (a directory serves its index.html), then
 * `<path>.html`. Returns the handler for paths that match nothing: the export's 404 page.
 */
export function mountWeb(app: Hono<AppEnv>, webDir: string) {
  const root = path.resolve(webDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`WEB_DIR ${root} holds no index.html: build the web app first (npm run build)`);
  }
  const policy = contentSecurityPolicy(inlineScriptHashes(root));
  const exact = serveStatic({ root });
  const page = serveStatic({ root, rewriteRequestPath: (p) => `${p.replace(/\/$/, '')}.html` });
  app.get('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    // Set before serving: the file response is built from the headers present at that moment.
    c.header('Cache-Control', cacheControl(c.req.path));
    c.header('Content-Security-Policy', policy);
    c.header('Permissions-Policy', PERMISSIONS_POLICY);
    // serveStatic calls next() when it finds nothing, so each candidate falls through to the next.
    let asPage: Response | undefined;
    const file = await exact(c, async () => {
      asPage = (await page(c, next)) ?? undefined;
    });
    return file ?? asPage;
  });

  const notFoundFile = path.join(root, '404.html');
  return async (c: Context<AppEnv>) => {
    if (isApiPath(c.req.path) || !existsSync(notFoundFile)) return undefined;
    return c.html(await readFile(notFoundFile, 'utf8'), 404, {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': policy,
      'Permissions-Policy': PERMISSIONS_POLICY,
    });
  };
}
