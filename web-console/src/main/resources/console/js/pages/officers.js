// Officer accounts: invite a verifier or admin (they confirm the e-mail and choose a password through the mailed
// link), deactivate and reactivate, and reset a lost second factor. Each change needs a reason and the admin's
// second factor; every service refuses a deactivated officer's tokens within seconds.
import {h, field, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import {badge} from '../components/badges.js';

function actions(o, out, redraw) {
  const reason = field({label: t('officers.reason'), name: `reason-${o.id}`, required: true});
  const act = (path, done) => () => out.run(async () => {
    await api(`/api/v1/accounts/${o.id}/${path}`, {method: 'POST', body: {reason: reason.control.value.trim()}});
    await redraw();
    return done;
  });
  return h('details', {class: 'row-actions'}, h('summary', {}, t('officers.manage', {name: o.fullName})), reason,
    h('div', {class: 'actions compact'},
      o.status !== 'DISABLED'
        ? button(t('officers.deactivate'), act('deactivate', t('officers.deactivated')), {kind: 'danger'})
        : button(t('officers.reactivate'), act('reactivate', t('officers.reactivated')), {kind: 'secondary'}),
      button(t('officers.mfa-reset'), act('mfa-reset', t('officers.mfa-was-reset')), {kind: 'secondary'})));
}

export default async function officers(main) {
  main.append(h('h1', {}, t('officers.title')));
  const out = outlet();
  const list = h('div');
  const institutions = await api('/api/v1/institutions');
  const names = Object.fromEntries(institutions.map((i) => [i.id, i.name]));
  const redraw = async () => {
    const all = await api('/api/v1/officers');
    const rows = Array.isArray(all) ? all : all.items;
    list.replaceChildren(table(t('officers.caption'), [t('field.fullName'), t('field.email'), t('officers.role'), t('officers.status'),
      t('officers.institutions'), t('officers.actions')],
    rows.map((o) => [o.fullName, o.email, t(`role.${o.role}`), badge('account', o.status),
      o.institutionIds.map((id) => names[id] || id).join(', ') || '—', actions(o, out, redraw)]), {id: 'officers-table'}));
  };
  const email = field({label: t('field.email'), name: 'email', type: 'email', required: true});
  const fullName = field({label: t('field.fullName'), name: 'fullName', required: true});
  const role = field({label: t('officers.role'), name: 'role', type: 'select', value: 'VERIFIER',
    options: [['VERIFIER', t('role.VERIFIER')], ['ADMIN', t('role.ADMIN')]]});
  const language = field({label: t('officers.language'), name: 'language', type: 'select', value: 'id',
    options: [['id', 'Bahasa Indonesia'], ['en', 'English']]});
  const boxes = institutions.map((i) => field({label: i.name, name: `inst-${i.id}`, type: 'checkbox', attrs: {value: i.id}}));
  const invite = h('form', {novalidate: true, class: 'card'}, h('h2', {}, t('officers.invite')), h('p', {class: 'hint'}, t('officers.invite-lead')),
    email, fullName, role, language, h('fieldset', {}, h('legend', {}, t('officers.institutions')), boxes),
    button(t('officers.invite-submit'), () => out.run(async () => {
      await api('/api/v1/officers', {method: 'POST', body: {email: email.control.value.trim(), fullName: fullName.control.value.trim(),
        role: role.control.value, language: language.control.value,
        institutionIds: boxes.filter((b) => b.control.checked).map((b) => b.control.value)}});
      email.control.value = '';
      fullName.control.value = '';
      await redraw();
      return t('officers.invited');
    }), {type: 'submit'}));
  invite.addEventListener('submit', (e) => e.preventDefault());
  main.append(out, list, invite);
  await redraw();
}
