// Typed fetch wrapper for the same-origin API: JSON in and out, one error type for every failure.
import type { FieldProblem } from '@todo-chatbot/contract';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldProblem[];
  constructor(status: number, code: string, message: string, details: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

let unauthorizedHandler: (() => void) | undefined;

/** Called when a signed-in request comes back 401, so the app can send the user to sign in. */
export function onUnauthorized(handler: (() => void) | undefined): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function apiRequest<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  if (!response.ok) throw await toApiError(response, path);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** The raw response, for streams; failures are still thrown as ApiError. */
export async function apiStream(
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  const response = await send('POST', path, { body, signal });
  if (!response.ok) throw await toApiError(response, path);
  return response;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the server. Check your connection and try again.',
    );
  }
}

/** Reads both error shapes: the API's `{error: {...}}` and Better Auth's `{code, message}`. */
export async function toApiError(response: Response, path = ''): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: FieldProblem[] };
    code?: string;
    message?: string;
  } | null;
  const inner = body?.error ?? body ?? {};
  const code = inner.code ?? `http_${response.status}`;
  const message = inner.message || defaultMessage(response.status);
  if (response.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler?.();
  return new ApiError(response.status, code, message, body?.error?.details ?? []);
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (status >= 500) return 'Something went wrong on the server. Try again shortly.';
  return `The request failed (${status}).`;
}

/** One line for a toast or an inline error (API messages already name the bad fields). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
