// The security headers of the web app in single-process mode: the web image's nginx policy
// (apps/web/nginx/security-headers.conf), except that the static export's inline scripts are
// allowed by their hashes, read at start from the files served, instead of 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every directive of the nginx policy but script-src, in its order. */
const DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export const PERMISSIONS_POLICY =
  'camera=(), geolocation=(), payment=(), usb=(), microphone=(self)';

// The content between the tags of a script without a src attribute.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** 'sha256-…' sources of every inline script in the HTML files under `root`, sorted. Read once,
 * at start (a few small files), so the policy always matches the build being served. */
export function inlineScriptHashes(root: string): string[] {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const hashes = new Set<string>();
  for (const file of files) {
    for (const [, script] of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)) {
      if (!script?.trim()) continue;
      hashes.add(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** The policy for pages whose inline scripts have these hashes. */
export function contentSecurityPolicy(scriptHashes: string[]): string {
  const [defaultSrc, ...rest] = DIRECTIVES;
  return [defaultSrc, ["script-src 'self'", ...scriptHashes].join(' '), ...rest].join('; ');
}
