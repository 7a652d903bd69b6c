// The page of the e-mail confirmation link (/konfirmasi-email?token=…): the person chooses a password, and the
// token and the password are posted together. Opening the page uses nothing up (mail scanners follow links).
// The token is taken out of the address bar at once, so it stays in no history entry or screenshot.
import {h, field, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, notice} from '../notices.js';

export default async function emailConfirmation(main, params, query) {
  const token = query.get('token');
  if (token) history.replaceState(null, '', location.pathname);
  main.append(h('h1', {}, t('confirm.title')));
  const out = outlet();
  if (!token) {
    const email = field({label: t('field.email'), name: 'email', type: 'email', required: true, attrs: {autocomplete: 'email'}});
    main.append(h('p', {}, t('confirm.no-token')), out, email, button(t('confirm.resend'), () => out.run(async () => {
      await api('/api/v1/applicants/email-confirmation/resend', {method: 'POST', body: {email: email.control.value.trim()}, auth: false});
      return t('confirm.resent');
    })));
    return;
  }
  const password = field({label: t('password.new'), name: 'password', type: 'password', required: true, hint: t('password.rules'),
    attrs: {autocomplete: 'new-password'}});
  const repeat = field({label: t('password.repeat'), name: 'password-repeat', type: 'password', required: true, attrs: {autocomplete: 'new-password'}});
  const form = h('form', {novalidate: true}, h('p', {class: 'lead'}, t('confirm.lead')), password, repeat, out,
    button(t('confirm.submit'), () => out.run(async () => {
      if (password.control.value !== repeat.control.value) throw Object.assign(new Error(), {title: t('password.mismatch')});
      const result = await api('/api/v1/applicants/email-confirmation', {method: 'POST', auth: false,
        body: {token, password: password.control.value}});
      form.replaceChildren(notice('success', t('confirm.done'), result.status === 'PENDING_ACTIVATION' ? t('confirm.wait-activation') : t('confirm.can-login')),
        h('p', {}, h('a', {href: '/console', class: 'btn primary', id: 'to-login'}, t('confirm.login'))));
      return null;
    }), {type: 'submit', attrs: {id: 'confirm-email'}}));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(form);
}
