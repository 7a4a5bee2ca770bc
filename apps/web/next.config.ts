// Static export served by the API on the same origin; `next dev` proxies /api to a running API.
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';

const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:8080';

export default function config(phase: string): NextConfig {
  const shared: NextConfig = {
    images: { unoptimized: true },
    reactStrictMode: true,
    poweredByHeader: false,
    // tsc from TypeScript 7 has no JS API; Next type-checks through its CLI instead.
    experimental: { useTypeScriptCli: true },
  };
  if (phase === PHASE_DEVELOPMENT_SERVER) {
    return {
      ...shared,
      async rewrites() {
        return ['/api/:path*', '/mcp'].map((source) => ({
          source,
          destination: `${apiOrigin}${source}`,
        }));
      },
    };
  }
  return { ...shared, output: 'export', trailingSlash: false };
}
