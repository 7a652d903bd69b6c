// The frame around every page: the skip link, the brand, the menu of the user's role, the language switch and
// the logout. On a phone the menu folds behind a button.
import {h, replace} from './dom.js';
import {t, otherLanguage, setLanguage} from './i18n.js';
import {routes} from './routes.js';
import * as session from './session.js';

let rerender = () => {};

/** Called once by main.js: how to draw the page again after a language switch. */
export function onRerender(fn) {
  rerender = fn;
}

export function chrome(activeRoute) {
  const skip = document.getElementById('skip-link');
  skip.textContent = t('nav.skip');
  const top = document.getElementById('top');
  const role = session.role();
  const items = role ? routes.filter((r) => r.menu && r.roles.includes(role)) : [];
  const nav = h('nav', {'aria-label': t('nav.label'), class: 'menu', id: 'menu'},
    h('ul', {}, items.map((r) => h('li', {}, h('a', {href: r.path, 'aria-current': activeRoute === r ? 'page' : null}, t(r.menu))))));
  const toggle = h('button', {type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'menu'}, t('nav.menu'));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  });
  nav.addEventListener('click', (e) => {
    if (e.target.closest('a')) {
      toggle.setAttribute('aria-expanded', 'false');
      nav.classList.remove('open');
    }
  });
  const other = otherLanguage();
  const language = h('button', {type: 'button', class: 'link', lang: other, id: 'language-switch'}, t('lang.switch'));
  language.addEventListener('click', async () => {
    await setLanguage(other);
    rerender();
  });
  const who = session.claims();
  const account = who ? h('div', {class: 'account'},
    h('span', {class: 'who'}, who.upn || who.sub, ' · ', t(`role.${role}`)),
    h('button', {type: 'button', class: 'link', id: 'logout', onclick: async () => {
      await session.logout();
      location.assign('/console');
    }}, t('nav.logout'))) : null;
  replace(top,
    h('div', {class: 'bar'},
      h('a', {href: '/console', class: 'brand'}, h('img', {src: document.querySelector('link[rel=icon]').href, alt: '', width: 28, height: 28}),
        h('span', {}, t('app.brand'))),
      h('div', {class: 'tools'}, language, account, items.length ? toggle : null)),
    items.length ? nav : null);
  replace(document.getElementById('bottom'), h('p', {}, t('app.footer')));
}
