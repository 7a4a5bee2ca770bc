// Refuses cookie-authenticated writes that a browser sent from another site.
import { createMiddleware } from 'hono/factory';
import { AppError } from './errors.ts';
import type { AppEnv } from './router.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookies ride along with any cross-site request; a bearer token never does. So only a write
 * that relies on the cookie is checked: browsers name the page's origin on every such request.
 * A request with a bearer credential is judged by it alone (requireUser never falls back to the
 * cookie, so a bogus one is a 401); any other Authorization header leaves the cookie checked.
 */
export function rejectCrossSiteWrites(trustedOrigins: string[]) {
  const trusted = new Set(trustedOrigins.map((origin) => new URL(origin).origin));
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = /^Bearer \S+$/i.test(c.req.header('authorization') ?? '');
    const usesCookie = c.req.header('cookie') && !bearer;
    if (usesCookie && !SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const crossSite = origin
        ? !trusted.has(origin)
        : c.req.header('sec-fetch-site') === 'cross-site';
      if (crossSite) {
        throw new AppError(
          403,
          'cross_site_request',
          'This request came from another site and was refused.',
        );
      }
    }
    await next();
  });
}
