// The one place for login and tokens. Tokens live in this module's memory only: never in localStorage,
// sessionStorage or cookies, so a script injected into the page later cannot find them in storage and they
// vanish with the tab. The price: a reload asks for the login again.
//
// Login is OAuth 2.1 authorization code with PKCE (S256) at the issuer's own login page. The PKCE verifier and
// the state must survive the one redirect to that page and back, which a module variable cannot; they wait in
// sessionStorage (this tab only) and are deleted the moment the callback reads them. They are worth nothing
// without the code, which is single-use, bound to the verifier, and expires in minutes.
import {clientId, redirectUri} from './config.js';
import {language} from './i18n.js';

const PENDING = 'sertel.pkce';
const TOKEN_PATH = '/api/v1/auth/token';
let tokens = null;
let refreshing = null;
let refreshTimer = null;
const listeners = [];

export function onSessionChange(fn) {
  listeners.push(fn);
}

function changed() {
  listeners.forEach((fn) => fn(tokens ? tokens.claims : null));
}

export function loggedIn() {
  return tokens !== null;
}

export function claims() {
  return tokens ? tokens.claims : null;
}

/** APPLICANT, VERIFIER or ADMIN. */
export function role() {
  const groups = tokens ? tokens.claims.groups || [] : [];
  return ['ADMIN', 'VERIFIER', 'APPLICANT'].find((g) => groups.includes(g)) || null;
}

/** Whether this login used the second factor (approvals and admin changes need it). */
export function secondFactor() {
  return !!tokens && (tokens.claims.amr || []).includes('otp');
}

function b64url(bytes) {
  let s = '';
  new Uint8Array(bytes).forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n) {
  return b64url(crypto.getRandomValues(new Uint8Array(n)));
}

function decodeClaims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json);
}

/** Goes to the issuer's login page; {@code returnTo} is where the callback brings the person back. */
export async function login(returnTo = location.pathname + location.search) {
  const verifier = random(32);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({state, verifier, returnTo}));
  const params = new URLSearchParams({
    response_type: 'code', client_id: clientId(), redirect_uri: redirectUri(),
    code_challenge: challenge, code_challenge_method: 'S256', state, ui_locales: language(),
  });
  location.assign(`/api/v1/auth/authorize?${params}`);
}

/** The callback: checks the state, exchanges the code with the verifier, answers where to go next. */
export async function completeLogin(query) {
  const saved = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (!saved || !query.get('code') || saved.state !== query.get('state')) {
    throw new Error('login.state-mismatch');
  }
  await tokenCall({
    grant_type: 'authorization_code', code: query.get('code'), client_id: clientId(),
    redirect_uri: redirectUri(), code_verifier: saved.verifier,
  });
  return saved.returnTo && saved.returnTo.startsWith('/') && !saved.returnTo.startsWith('//') ? saved.returnTo : '/console';
}

async function tokenCall(form) {
  const res = await fetch(TOKEN_PATH, {
    method: 'POST', credentials: 'omit', cache: 'no-store',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'Accept-Language': language()},
    body: new URLSearchParams(form),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = new Error(body.detail || body.title || 'login failed');
    error.problem = body;
    error.status = res.status;
    throw error;
  }
  tokens = {
    access: body.access_token, refresh: body.refresh_token,
    expiresAt: Date.now() + (body.expires_in || 300) * 1000, claims: decodeClaims(body.access_token),
  };
  scheduleRefresh();
  changed();
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!tokens) return;
  // a minute before expiry, so a page left open keeps working without asking again
  const wait = Math.max(5000, tokens.expiresAt - Date.now() - 60000);
  refreshTimer = setTimeout(() => { refresh(); }, wait);
}

/** A fresh access token, refreshed first when it is about to expire; null when logged out. */
export async function accessToken() {
  if (!tokens) return null;
  if (tokens.expiresAt - Date.now() < 20000) await refresh();
  return tokens ? tokens.access : null;
}

/** One refresh at a time (refresh tokens are single use); false when the session is over. */
export function refresh() {
  if (!tokens) return Promise.resolve(false);
  if (!refreshing) {
    const refreshToken = tokens.refresh;
    refreshing = tokenCall({grant_type: 'refresh_token', refresh_token: refreshToken})
      .then(() => true)
      .catch(() => { forget(); return false; })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

function forget() {
  tokens = null;
  clearTimeout(refreshTimer);
  changed();
}

/** Ends the session at the issuer (the refresh-token family is revoked) and here. */
export async function logout() {
  if (!tokens) return;
  const {access, refresh: refreshToken} = tokens;
  forget();
  await fetch('/api/v1/auth/logout', {
    method: 'POST', credentials: 'omit',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${access}`, 'Accept-Language': language()},
    body: new URLSearchParams({refresh_token: refreshToken}),
  }).catch(() => null);
}
