// Where to go after signing in: only a path on this site, never another origin.

/**
 * `next` as the browser will read it, kept only when it stays on `origin`. Checking the text
 * was not enough: the URL parser drops tabs and newlines anywhere and reads `\` as `/`, so
 * `/\t/evil.example/` passed a "starts with one slash" test and then meant `//evil.example/`.
 */
export function safeNext(value: string | null | undefined, origin: string): string {
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `https://our.site//evil.example` is ours, but its path alone would leave the site.
  return path.startsWith('//') ? '/' : path;
}

export function signInPath(current: string): string {
  return current === '/' || current === ''
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(current)}`;
}
