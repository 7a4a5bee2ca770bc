// Reads and validates every environment variable once, at start; a bad value stops the process.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const milliseconds = z.coerce.number().int().min(0).max(600_000);

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ message: 'must be a comma-separated list of URLs' })));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./.data'),
  MIGRATE_ON_START: booleanFlag.default(true),
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUSTED_ORIGINS: commaList.optional(),
  AUTH_RATE_LIMIT_ENABLED: booleanFlag.default(true),
  SIGN_IN_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(10_000).default(10),
  SIGN_IN_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  SIGN_IN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).max(1_000).default(10),
  SIGN_IN_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
  // Minutes, not hours: a longer wait would let anyone keep the real user out.
  SIGN_IN_MAX_WAIT_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_DELAY_MS: milliseconds.default(0),
  SHUTDOWN_TIMEOUT_MS: milliseconds.default(10_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(1_048_576),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(65_000),
  HTTP_CONNECTIONS_MAX: z.coerce.number().int().min(1).max(100_000).default(1_000),
  TASKS_PER_USER_MAX: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  USER_RATE_LIMIT_ENABLED: booleanFlag.default(true),
  USER_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(1_000_000).default(600),
  USER_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  CHAT_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(1_000_000).default(30),
  CHAT_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  USER_REQUESTS_IN_FLIGHT_MAX: z.coerce.number().int().min(1).max(1_000).default(2),
  USER_REQUESTS_QUEUED_MAX: z.coerce.number().int().min(0).max(10_000).default(32),
  WEB_DIR: z.string().min(1).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  LLM_PROVIDER: z.enum(['local', 'openai']).default('local'),
  LLM_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  LLM_TRACING: booleanFlag.default(false),
  CHAT_HISTORY_MESSAGES: z.coerce.number().int().min(2).max(500).default(30),
  CHAT_HISTORY_CHARACTERS: z.coerce.number().int().min(1_000).max(1_000_000).default(24_000),
  CHAT_TOOL_CALLS_PER_TURN_MAX: z.coerce.number().int().min(1).max(1_000).default(25),
  CHAT_NEW_TASKS_PER_TURN_MAX: z.coerce.number().int().min(1).max(1_000).default(20),
  CONVERSATIONS_PER_USER_MAX: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  // The web app reopens the last conversation on every visit: years of daily use must fit.
  MESSAGES_PER_CONVERSATION_MAX: z.coerce.number().int().min(2).max(1_000_000).default(10_000),
  MCP_BATCH_MESSAGES_MAX: z.coerce.number().int().min(1).max(100).default(10),
  APP_VERSION: z.string().min(1).max(64).default('dev'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  nodeEnv: Environment['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  database: {
    url: string | undefined;
    poolMax: number;
    dataDir: string;
    migrateOnStart: boolean;
    waitSeconds: number;
  };
  auth: {
    secret: string | undefined;
    trustedOrigins: string[];
    rateLimit: { enabled: boolean; signInMax: number; signInWindowSeconds: number };
    /** Back-off on wrong passwords per account, on while rateLimit is (password-guard.ts). */
    passwordGuard: { accountFailures: number; addressFailures: number; maxWaitSeconds: number };
  };
  logLevel: Environment['LOG_LEVEL'];
  shutdown: { delayMs: number; timeoutMs: number };
  bodyLimitBytes: number;
  /** The Node server's own bounds on slow or idle clients (see index.ts). */
  http: HttpLimits;
  /** Most tasks one account may hold; creating one more answers 409. */
  tasksPerUserMax: number;
  /** Per-user request budgets and concurrency, counted in each replica's memory. */
  userLimits: UserLimits;
  webDir: string | undefined;
  /**
   * Take the client address from X-Forwarded-For, this many entries from the right: each proxy
   * appends the address it saw, so only the entries our own proxies wrote can be trusted.
   * Undefined when not behind a proxy.
   */
  trustedProxyHops: number | undefined;
  version: string;
  llm: {
    provider: Environment['LLM_PROVIDER'];
    model: string;
    apiKey: string | undefined;
    baseUrl: string | undefined;
    timeoutMs: number;
    tracing: boolean;
  };
  chatHistory: { messages: number; characters: number };
  /** Bounds on one user's chat: the work of one turn, and what the database keeps. */
  chatLimits: ChatLimits;
  /** Most JSON-RPC messages one POST /mcp may batch; the SDK's own ceiling is 100. */
  mcpBatchMax: number;
}

export interface ChatLimits {
  toolCallsPerTurn: number;
  newTasksPerTurn: number;
  conversationsPerUser: number;
  messagesPerConversation: number;
}

export interface HttpLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export interface UserLimits {
  enabled: boolean;
  requests: { max: number; windowSeconds: number };
  chatTurns: { max: number; windowSeconds: number };
  inFlight: number;
  queued: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  // A shared database means several replicas, which must all sign sessions with one secret.
  if (!e.BETTER_AUTH_SECRET && (e.NODE_ENV === 'production' || e.DATABASE_URL)) {
    problems.push(
      'BETTER_AUTH_SECRET: required in production and with DATABASE_URL (generate one with `openssl rand -base64 32`)',
    );
  }
  if (e.LLM_PROVIDER === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push(
      'OPENAI_API_KEY: required with LLM_PROVIDER=openai (or set OPENAI_BASE_URL for a local server that needs no key)',
    );
  }
  // Node measures both from the request's first byte: headers later than the whole request
  // would never time out on their own.
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  // Without a public URL the app is local: a browser may reach it by any loopback name.
  const loopbackOrigins = e.PUBLIC_URL
    ? []
    : [`http://127.0.0.1:${e.PORT}`, `http://[::1]:${e.PORT}`];
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: {
      url: e.DATABASE_URL,
      poolMax: e.DATABASE_POOL_MAX,
      dataDir: e.DATA_DIR,
      migrateOnStart: e.MIGRATE_ON_START,
      waitSeconds: e.DATABASE_WAIT_SECONDS,
    },
    auth: {
      secret: e.BETTER_AUTH_SECRET,
      trustedOrigins: [...loopbackOrigins, ...(e.TRUSTED_ORIGINS ?? [])],
      rateLimit: {
        enabled: e.AUTH_RATE_LIMIT_ENABLED,
        signInMax: e.SIGN_IN_RATE_LIMIT_MAX,
        signInWindowSeconds: e.SIGN_IN_RATE_LIMIT_WINDOW_SECONDS,
      },
      passwordGuard: {
        accountFailures: e.SIGN_IN_ACCOUNT_FAILURES,
        addressFailures: e.SIGN_IN_ADDRESS_FAILURES,
        maxWaitSeconds: e.SIGN_IN_MAX_WAIT_SECONDS,
      },
    },
    logLevel: e.LOG_LEVEL,
    shutdown: { delayMs: e.SHUTDOWN_DELAY_MS, timeoutMs: e.SHUTDOWN_TIMEOUT_MS },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    http: {
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_CONNECTIONS_MAX,
    },
    tasksPerUserMax: e.TASKS_PER_USER_MAX,
    userLimits: {
      enabled: e.USER_RATE_LIMIT_ENABLED,
      requests: { max: e.USER_RATE_LIMIT_MAX, windowSeconds: e.USER_RATE_LIMIT_WINDOW_SECONDS },
      chatTurns: { max: e.CHAT_RATE_LIMIT_MAX, windowSeconds: e.CHAT_RATE_LIMIT_WINDOW_SECONDS },
      inFlight: e.USER_REQUESTS_IN_FLIGHT_MAX,
      queued: e.USER_REQUESTS_QUEUED_MAX,
    },
    webDir: e.WEB_DIR,
    trustedProxyHops: e.TRUST_PROXY ? e.TRUST_PROXY_HOPS : undefined,
    version: e.APP_VERSION,
    llm: {
      provider: e.LLM_PROVIDER,
      model: e.LLM_MODEL,
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      tracing: e.LLM_TRACING,
    },
    chatHistory: { messages: e.CHAT_HISTORY_MESSAGES, characters: e.CHAT_HISTORY_CHARACTERS },
    chatLimits: {
      toolCallsPerTurn: e.CHAT_TOOL_CALLS_PER_TURN_MAX,
      newTasksPerTurn: e.CHAT_NEW_TASKS_PER_TURN_MAX,
      conversationsPerUser: e.CONVERSATIONS_PER_USER_MAX,
      messagesPerConversation: e.MESSAGES_PER_CONVERSATION_MAX,
    },
    mcpBatchMax: e.MCP_BATCH_MESSAGES_MAX,
  };
}
