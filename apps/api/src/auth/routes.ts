// Which Better Auth routes this app serves under /api/auth; every other one answers 404.

/**
 * What the web app, the README and other services use. An allow-list, so a route a Better Auth
 * upgrade adds stays closed until someone decides to serve it.
 */
export const SERVED_AUTH_ROUTES: Readonly<Record<string, readonly ('GET' | 'POST')[]>> = {
  '/sign-up/email': ['POST'],
  '/sign-in/email': ['POST'],
  '/sign-out': ['POST'],
  '/get-session': ['GET'],
  '/update-user': ['POST'],
  '/change-password': ['POST'],
  '/verify-password': ['POST'],
  // Sign out everywhere: every session, and the personal API tokens too.
  '/revoke-sessions': ['POST'],
  '/token': ['GET'],
  '/jwks': ['GET'],
  '/open-api/generate-schema': ['GET'],
};

/**
 * Better Auth's other routes, by the names it gives them: social sign-in and its callbacks,
 * linked accounts, email flows that need delivery the app does not have yet, single-session
 * management, account deletion, and server-only helpers. Left out of its OpenAPI document too.
 */
export const UNUSED_AUTH_ROUTES = [
  '/sign-in/social',
  '/callback/:id',
  '/link-social',
  '/unlink-account',
  '/list-accounts',
  '/account-info',
  '/refresh-token',
  '/get-access-token',
  '/reset-password',
  '/reset-password/:token',
  '/request-password-reset',
  '/verify-email',
  '/send-verification-email',
  '/change-email',
  '/delete-user',
  '/delete-user/callback',
  '/update-session',
  '/list-sessions',
  '/revoke-session',
  '/revoke-other-sessions',
  '/reference',
  '/ok',
  '/error',
];
