// Where to go after signing in: only a path on this site, never another origin.

export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}

export function signInPath(current: string): string {
  return current === '/' || current === ''
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(current)}`;
}
