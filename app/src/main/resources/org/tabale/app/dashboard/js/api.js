// The v1 API with the bearer token the user entered (session storage: gone when the tab closes).

const KEY = 'tabale.token';

export class ApiError extends Error {
  constructor(status, message, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export function token() { return sessionStorage.getItem(KEY); }
export function setToken(value) { sessionStorage.setItem(KEY, value); }
export function clearToken() { sessionStorage.removeItem(KEY); }

/** Calls the API; answers parsed JSON (or text for CSV), throws ApiError with the API's message. */
export async function call(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Authorization: 'Bearer ' + token(), Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, message, response.headers.get('Retry-After'));
  }
  return accept.includes('json') ? response.json() : response.text();
}

/** Whether a call is allowed for this token: true on 2xx, false on 403; throws on anything else (401 included). */
export async function allowed(path) {
  try {
    await call(path);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return false;
    throw e;
  }
}

export function query(params) {
  return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null)).toString();
}
