// Settings the server put in the shell's <meta> elements (no inline script under the CSP).

function meta(name) {
  const el = document.querySelector(`meta[name="${name}"]`);
  return el ? el.getAttribute('content') : '';
}

export function assetsBase() {
  return meta('sertel-assets');
}

export function clientId() {
  return meta('sertel-client-id') || 'web-console';
}

/** The registered redirect URI: the public origin the browser sees (the gateway) + /console/callback. */
export function redirectUri() {
  return `${location.origin}/console/callback`;
}
