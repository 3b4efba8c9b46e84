import { tokens, signIn, signOut } from './session.js';

/**
 * The REST API client: adds the access token, refreshes it once when it expired, and turns
 * ProblemDetails answers into {@link ApiError}s whose messages a person can act on.
 */

export const API = '/api/v1';

/** An answer that was not a success, with the problem's title, detail and field errors. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {object} problem the ProblemDetails body (or an empty object)
   */
  constructor(status, problem) {
    super(problem.detail || problem.title || defaultMessage(status));
    this.status = status;
    this.title = problem.title || defaultMessage(status);
    /** @type {Record<string, string[]>} field errors keyed by field name ("parameters.receptor"), as the API names them */
    this.fieldErrors = normaliseFieldErrors(problem.errors);
    this.traceId = problem.traceId;
  }

  /** @param {string} field @returns {string|undefined} the first error for a field, matched without regard to case */
  fieldError(field) {
    const key = Object.keys(this.fieldErrors).find((name) => name.toLowerCase() === field.toLowerCase());
    return key ? this.fieldErrors[key].join(' ') : undefined;
  }

  /** Field errors no form field showed, so the caller can list them under the form. */
  otherFieldErrors(shownFields) {
    const shown = new Set(shownFields.map((f) => f.toLowerCase()));
    return Object.entries(this.fieldErrors).filter(([name]) => !shown.has(name.toLowerCase()));
  }
}

function defaultMessage(status) {
  switch (status) {
    case 401: return 'You are not signed in, or your session ended.';
    case 403: return 'You are not allowed to do this.';
    case 404: return 'Not found.';
    case 409: return 'This conflicts with the current state; reload and try again.';
    case 422: return 'Some fields are not valid.';
    case 429: return 'Too many requests; wait a moment and try again.';
    case 503: return 'The platform is not available right now; try again.';
    default: return status >= 500 ? 'The server failed to answer; try again.' : `The request failed (${status}).`;
  }
}

/** A field's key as errors are matched: a name ("email") stays, a JSON pointer ("/center/x") becomes "center.x". */
export const fieldKey = (nameOrPointer) => nameOrPointer.replace(/^[$#]?\/?/, '').replace(/\//g, '.') || 'request';

/** Field errors come keyed by name or by JSON pointer; both are keyed by {@link fieldKey}. */
function normaliseFieldErrors(errors) {
  const out = {};
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const name = fieldKey(key);
    out[name] = [...(out[name] ?? []), ...(Array.isArray(messages) ? messages : [String(messages)])];
  }
  return out;
}

let refreshing = null;

async function refresh() {
  const current = tokens();
  if (!current?.refreshToken) return false;
  refreshing ??= fetch(`${API}/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  }).then(async (response) => {
    if (!response.ok) return false;
    signIn(await response.json());
    return true;
  }).finally(() => { refreshing = null; });
  return refreshing;
}

/** An access token valid for at least a few more seconds (refreshed first if not), for SignalR's accessTokenFactory. */
export async function freshAccessToken() {
  const current = tokens();
  if (!current) return '';
  if (Date.parse(current.expiresAt) - Date.now() < 15_000) await refresh();
  return tokens()?.accessToken ?? '';
}

/**
 * @param {string} method
 * @param {string} path under /api/v1, or an absolute path
 * @param {{ body?: unknown, query?: Record<string, unknown>, raw?: boolean, headers?: Record<string,string> }} [options]
 *   raw: return the Response itself (for downloads)
 */
export async function request(method, path, options = {}) {
  const url = buildUrl(path, options.query);
  const send = async () => {
    const headers = { Accept: 'application/json', ...options.headers };
    const current = tokens();
    if (current) headers.Authorization = `Bearer ${current.accessToken}`;
    let body;
    if (options.body instanceof Blob || options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return fetch(url, { method, headers, body });
  };

  let response = await send();
  if (response.status === 401 && tokens() && !path.startsWith('/auth/login')) {
    if (await refresh()) {
      response = await send();
    } else {
      signOut();
    }
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem ?? {});
  }
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

/** Builds "/api/v1/path?k=v", leaving out empty query values. */
export function buildUrl(path, query) {
  const base = path.startsWith('/api/') || path.startsWith('http') ? path : `${API}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `${base}${base.includes('?') ? '&' : '?'}${text}` : base;
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, query) => request('POST', path, { body, query }),
  put: (path, body, query) => request('PUT', path, { body, query }),
  delete: (path, query) => request('DELETE', path, { query }),
};
