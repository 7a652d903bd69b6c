// Regional systems (integration clients) and webhook subscriptions. An admin registers a system with its scopes and
// institutions (the client secret is shown once, here, and never again), disables or enables it with a reason, and
// sees every webhook subscription with its state; pausing or resuming one is a PATCH of `enabled`.
import {h, field, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, notice} from '../notices.js';
import {badge} from '../components/badges.js';

const SCOPES = ['status:read', 'events:subscribe', 'applicants:sync', 'documents:sign'];

function clientActions(c, out, redraw) {
  const reason = field({label: t('officers.reason'), name: `reason-${c.id}`, required: true});
  const act = (path, done) => () => out.run(async () => {
    await api(`/api/v1/integrations/clients/${c.id}/${path}`, {method: 'POST', body: {reason: reason.control.value.trim()}});
    await redraw();
    return done;
  });
  return h('details', {class: 'row-actions'}, h('summary', {}, t('officers.manage', {name: c.name})), reason,
    h('div', {class: 'actions compact'}, c.status === 'ACTIVE'
      ? button(t('integ.disable'), act('disable', t('integ.disabled')), {kind: 'danger'})
      : button(t('integ.enable'), act('enable', t('integ.enabled')), {kind: 'secondary'})));
}

function webhookToggle(w, out, redraw) {
  const text = w.enabled ? t('integ.hook-pause') : t('integ.hook-resume');
  return button(text, () => out.run(async () => {
    await api(`/api/v1/integrations/webhooks/${w.id}`, {method: 'PATCH', body: {enabled: !w.enabled}});
    await redraw();
    return t('inst.saved');
  }), {kind: 'link', attrs: {'aria-label': `${text}: ${w.url}`}});
}

export default async function integrations(main) {
  main.append(h('h1', {}, t('integ.title')), h('p', {class: 'lead'}, t('integ.lead')));
  const out = outlet();
  const clients = h('div');
  const hooks = h('div');
  const institutions = await api('/api/v1/institutions');
  const names = Object.fromEntries(institutions.map((i) => [i.id, i.name]));
  const redraw = async () => {
    const [all, subscriptions] = await Promise.all([api('/api/v1/integrations/clients'), api('/api/v1/integrations/webhooks')]);
    const rows = Array.isArray(all) ? all : all.items;
    clients.replaceChildren(table(t('integ.caption'), [t('integ.name'), t('integ.client-id'), t('integ.owner'), t('integ.scopes'),
      t('officers.institutions'), t('officers.status'), t('officers.actions')],
    rows.map((c) => [c.name, h('code', {}, c.id), c.ownerContact, c.scopes.join(', '),
      c.institutionIds.map((id) => names[id] || id).join(', '), badge('client', c.status), clientActions(c, out, redraw)]),
    {id: 'clients-table'}));
    hooks.replaceChildren(subscriptions.length === 0 ? h('p', {}, t('integ.no-hooks')) : table(t('integ.hooks-caption'),
      [t('integ.hook-url'), t('integ.hook-events'), t('integ.hook-owner'), t('officers.status'), t('officers.actions')],
      subscriptions.map((w) => [w.url, w.eventTypes.join(', '), w.owner,
        h('span', {}, badge('hook', w.enabled ? 'ENABLED' : 'DISABLED'),
          w.disabledReason ? h('span', {class: 'hint block'}, t(`integ.hook-reason.${w.disabledReason}`)) : null),
        webhookToggle(w, out, redraw)]), {id: 'webhooks-table'}));
  };
  const name = field({label: t('integ.name'), name: 'clientName', required: true});
  const owner = field({label: t('integ.owner'), name: 'ownerContact', type: 'email', required: true, hint: t('integ.owner-hint')});
  const scopes = SCOPES.map((s) => field({label: t(`integ.scope.${s.replace(':', '-')}`), name: `scope-${s}`, type: 'checkbox',
    attrs: {value: s}}));
  const boxes = institutions.map((i) => field({label: i.name, name: `client-inst-${i.id}`, type: 'checkbox', attrs: {value: i.id}}));
  const secret = h('div', {'aria-live': 'polite'});
  const register = h('form', {novalidate: true, class: 'card'}, h('h2', {}, t('integ.register')), name, owner,
    h('fieldset', {}, h('legend', {}, t('integ.scopes')), scopes),
    h('fieldset', {}, h('legend', {}, t('officers.institutions')), boxes),
    button(t('integ.register-submit'), () => out.run(async () => {
      secret.replaceChildren();
      const created = await api('/api/v1/integrations/clients', {method: 'POST', body: {name: name.control.value.trim(),
        ownerContact: owner.control.value.trim(), scopes: scopes.filter((b) => b.control.checked).map((b) => b.control.value),
        institutionIds: boxes.filter((b) => b.control.checked).map((b) => b.control.value)}});
      const shown = notice('warn', t('integ.secret-once', {id: created.client.id}));
      shown.append(h('pre', {class: 'pem', id: 'client-secret'}, created.clientSecret));
      secret.replaceChildren(shown);
      name.control.value = '';
      owner.control.value = '';
      await redraw();
      return t('integ.registered');
    }), {type: 'submit'}), secret);
  register.addEventListener('submit', (e) => e.preventDefault());
  main.append(out, h('h2', {}, t('integ.clients')), clients, register, h('h2', {}, t('integ.hooks')), h('p', {class: 'hint'},
    t('integ.hooks-lead')), hooks);
  await redraw();
}
