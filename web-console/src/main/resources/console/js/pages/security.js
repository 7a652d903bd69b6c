// The own account: the second factor (TOTP, "Google Authenticator"; officers must have it) and the password.
import {h, field, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, notice} from '../notices.js';
import * as session from '../session.js';

function enrolment(out, redraw) {
  const area = h('div');
  const start = button(t('mfa.start'), () => out.run(async () => {
    const e = await api('/api/v1/auth/mfa/enrolment', {method: 'POST'});
    const code = field({label: t('mfa.code'), name: 'otp', required: true, attrs: {inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6}});
    area.replaceChildren(h('p', {}, t('mfa.scan')), h('img', {src: e.qrCode, alt: t('mfa.qr-alt'), width: 200, height: 200, class: 'qr'}),
      h('p', {}, t('mfa.secret'), ' ', h('code', {id: 'mfa-secret'}, e.secret)), code,
      button(t('mfa.confirm'), () => out.run(async () => {
        const done = await api('/api/v1/auth/mfa/enrolment/confirm', {method: 'POST', body: {code: code.control.value.trim()}});
        area.replaceChildren(notice('success', t('mfa.enabled'), t('mfa.relogin')),
          h('p', {}, t('mfa.recovery')), h('ul', {class: 'codes'}, done.recoveryCodes.map((c) => h('li', {}, h('code', {}, c)))),
          button(t('mfa.login-again'), async () => {
            await session.logout();
            await session.login('/console');
          }));
        return null;
      }), {attrs: {id: 'confirm-mfa'}}));
    return null;
  }), {attrs: {id: 'start-mfa'}});
  area.append(start);
  return area;
}

export default async function security(main) {
  main.append(h('h1', {}, t('security.title')));
  const out = outlet();
  const mfa = h('section', {'aria-labelledby': 'mfa-h'});
  main.append(out, mfa);
  const draw = async () => {
    const state = await api('/api/v1/auth/mfa');
    mfa.replaceChildren(h('h2', {id: 'mfa-h'}, t('mfa.title')), h('p', {}, state.enrolled
      ? t('mfa.on', {n: state.recoveryCodesLeft}) : state.required ? t('mfa.required') : t('mfa.off')));
    if (!state.enrolled) mfa.append(enrolment(out, draw));
  };
  await draw();
  const current = field({label: t('password.current'), name: 'current', type: 'password', required: true, attrs: {autocomplete: 'current-password'}});
  const next = field({label: t('password.new'), name: 'new', type: 'password', required: true, hint: t('password.rules'),
    attrs: {autocomplete: 'new-password'}});
  const form = h('form', {novalidate: true}, h('h2', {}, t('password.title')), current, next,
    button(t('password.change'), () => out.run(async () => {
      await api('/api/v1/auth/password', {method: 'POST', body: {currentPassword: current.control.value, newPassword: next.control.value}});
      current.control.value = '';
      next.control.value = '';
      return t('password.changed');
    }), {type: 'submit'}));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(form);
}
