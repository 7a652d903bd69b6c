// Moves between pages without reloading (a reload would drop the in-memory session): history.pushState, links
// intercepted, the page module loaded on demand, focus moved to the new page's heading for screen readers.
import {match} from './routes.js';
import * as session from './session.js';
import {chrome} from './layout.js';
import {h, replace} from './dom.js';
import {t} from './i18n.js';
import {notice, problem, takeFlash} from './notices.js';

const main = () => document.getElementById('main');
let current = 0;

export function navigate(path, {replace: replaceState = false} = {}) {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  return render();
}

/** Renders the page of the current address. */
export async function render() {
  const ticket = ++current;
  const found = match(location.pathname);
  const el = main();
  el.removeAttribute('aria-busy');
  if (!found) {
    chrome(null);
    replace(el, h('h1', {}, t('page.not-found.title')), h('p', {}, t('page.not-found.detail')),
      h('p', {}, h('a', {href: '/console'}, t('nav.home'))));
    return;
  }
  const {route, params} = found;
  if (!route.public && !session.loggedIn()) {
    await session.login(location.pathname + location.search);
    return;
  }
  chrome(route);
  if (route.roles && !route.roles.includes(session.role())) {
    replace(el, h('h1', {}, t('page.forbidden.title')), h('p', {}, t('page.forbidden.detail')));
    return;
  }
  el.setAttribute('aria-busy', 'true');
  try {
    const module = await import(`./pages/${route.page}.js`);
    if (ticket !== current) return;
    el.replaceChildren();
    await module.default(el, params, new URLSearchParams(location.search));
  } catch (e) {
    if (ticket === current) replace(el, h('h1', {}, t('error.generic.title')), problem(e));
  } finally {
    // a render overtaken by a newer one leaves the page busy: the newer one clears it when its page is drawn
    if (ticket === current) el.removeAttribute('aria-busy');
  }
  if (ticket === current) {
    const heading = el.querySelector('h1');
    const flash = takeFlash();
    if (heading && flash) heading.after(notice('success', flash));
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({preventScroll: false});
      document.title = `${heading.textContent} · ${t('app.title')}`;
    }
  }
}

/** Internal links move inside the console; files, the API and new tabs are left to the browser. */
export function interceptLinks() {
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a[href]');
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || a.target || a.download) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || !match(url.pathname)) return;
    if (url.hash && url.pathname === location.pathname) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => render());
}
