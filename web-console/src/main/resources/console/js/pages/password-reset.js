// The password reset: without a token, ask for the mail (always "sent", so nothing is revealed); with the mailed
// token (/reset-kata-sandi?token=…), choose the new password. The token leaves the address bar at once.
import {h, field, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, notice} from '../notices.js';

export default async function passwordReset(main, params, query) {
  const token = query.get('token');
  if (token) history.replaceState(null, '', location.pathname);
  main.append(h('h1', {}, t('reset.title')));
  const out = outlet();
  if (!token) {
    const email = field({label: t('field.email'), name: 'email', type: 'email', required: true, attrs: {autocomplete: 'email'}});
    const form = h('form', {novalidate: true}, h('p', {class: 'lead'}, t('reset.ask')), email, out,
      button(t('reset.send'), () => out.run(async () => {
        await api('/api/v1/auth/password-reset', {method: 'POST', auth: false, body: {email: email.control.value.trim()}});
        return t('reset.sent');
      }), {type: 'submit', attrs: {id: 'send-reset'}}));
    form.addEventListener('submit', (e) => e.preventDefault());
    main.append(form);
    return;
  }
  const password = field({label: t('password.new'), name: 'password', type: 'password', required: true, hint: t('password.rules'),
    attrs: {autocomplete: 'new-password'}});
  const repeat = field({label: t('password.repeat'), name: 'password-repeat', type: 'password', required: true, attrs: {autocomplete: 'new-password'}});
  const form = h('form', {novalidate: true}, password, repeat, out, button(t('reset.submit'), () => out.run(async () => {
    if (password.control.value !== repeat.control.value) throw Object.assign(new Error(), {title: t('password.mismatch')});
    await api('/api/v1/auth/password-reset/confirm', {method: 'POST', auth: false, body: {token, newPassword: password.control.value}});
    form.replaceChildren(notice('success', t('reset.done')), h('p', {}, h('a', {href: '/console', class: 'btn primary'}, t('confirm.login'))));
    return null;
  }), {type: 'submit', attrs: {id: 'reset-password'}}));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(form);
}
