// The one API client: every call of the console goes through here, to the gateway's public API, with the user's
// token and Accept-Language. Every error of our API is application/problem+json; ApiError carries its title,
// detail (already in the user's language) and field errors for the page to show.
import {language, t} from './i18n.js';
import * as session from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || t('error.generic.title');
    this.detail = problem.detail || '';
    this.code = problem.code || null;
    this.fieldErrors = problem.fieldErrors || [];
    this.problem = problem;
  }
}

async function problemOf(res) {
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await res.json();
    } catch (e) {
      // fall through to the generic text
    }
  }
  return {title: t('error.generic.title'), detail: t('error.http', {status: res.status})};
}

/**
 * api('/api/v1/requests', {method: 'POST', body: {...}}) → parsed JSON (null for 202/204).
 * Options: accept (a media type), raw (answer the Response, e.g. for a file), auth (default true).
 */
export async function api(path, {method = 'GET', body, accept = 'application/json', raw = false, auth = true} = {}) {
  const send = async () => {
    const headers = new Headers({Accept: `${accept}, application/problem+json`, 'Accept-Language': language()});
    let payload;
    if (body !== undefined) {
      headers.set('Content-Type', 'application/json');
      payload = JSON.stringify(body);
    }
    if (auth) {
      const token = await session.accessToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    return fetch(path, {method, headers, body: payload, credentials: 'omit', cache: 'no-store'});
  };
  let res;
  try {
    res = await send();
    if (res.status === 401 && auth && session.loggedIn() && await session.refresh()) {
      res = await send();
    }
  } catch (e) {
    throw new ApiError(0, {title: t('error.network.title'), detail: t('error.network.detail')});
  }
  if (!res.ok) {
    const error = new ApiError(res.status, await problemOf(res));
    if (res.status === 401 && auth) {
      // the session is over (logged out elsewhere, deactivated, refresh refused): log in again and come back
      session.login();
    }
    throw error;
  }
  if (raw) return res;
  if (res.status === 204 || res.status === 202 || res.headers.get('Content-Length') === '0') return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? `?${s}` : '';
}
