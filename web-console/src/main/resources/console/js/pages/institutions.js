// Institutions (instansi) and their work units (unit kerja): create, (de)activate, add and (de)activate units.
// Changes need the admin's second factor.
import {h, field, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import {badge} from '../components/badges.js';

function institutionBody(i, active) {
  return {code: i.code, name: i.name, emailDomains: i.emailDomains, active, version: i.version};
}

function unitsOf(i, out, redraw) {
  const name = field({label: t('inst.unit-name'), name: `unit-${i.id}`, attrs: {'aria-describedby': null}});
  return h('details', {class: 'units'}, h('summary', {}, t('inst.units', {n: i.workUnits.length, name: i.name})),
    h('ul', {}, i.workUnits.map((u) => h('li', {}, u.name, ' ', badge('active', u.active ? 'ACTIVE' : 'INACTIVE'), ' ',
      button(u.active ? t('inst.deactivate') : t('inst.activate'), () => out.run(async () => {
        await api(`/api/v1/institutions/${i.id}/work-units/${u.id}`, {method: 'PUT', body: {name: u.name, active: !u.active}});
        await redraw();
        return t('inst.saved');
      }), {kind: 'link', attrs: {'aria-label': `${u.active ? t('inst.deactivate') : t('inst.activate')} ${u.name}`}})))),
    h('div', {class: 'inline-form'}, name, button(t('inst.add-unit'), () => out.run(async () => {
      await api(`/api/v1/institutions/${i.id}/work-units`, {method: 'POST', body: {name: name.control.value.trim(), active: true}});
      await redraw();
      return t('inst.saved');
    }), {kind: 'secondary'})));
}

export default async function institutions(main) {
  main.append(h('h1', {}, t('inst.title')));
  const out = outlet();
  const list = h('div');
  const code = field({label: t('inst.code'), name: 'code', required: true, hint: t('inst.code-hint')});
  const name = field({label: t('inst.name'), name: 'name', required: true});
  const domains = field({label: t('inst.domains'), name: 'domains', required: true, hint: t('inst.domains-hint')});
  const redraw = async () => {
    const all = await api('/api/v1/institutions?includeInactive=true');
    list.replaceChildren(table(t('inst.caption'), [t('inst.code'), t('inst.name'), t('inst.domains'), t('inst.state'), t('inst.work-units')],
      all.map((i) => [i.code, i.name, i.emailDomains.join(', '), h('div', {}, badge('active', i.active ? 'ACTIVE' : 'INACTIVE'), ' ',
        button(i.active ? t('inst.deactivate') : t('inst.activate'), () => out.run(async () => {
          await api(`/api/v1/institutions/${i.id}`, {method: 'PUT', body: institutionBody(i, !i.active)});
          await redraw();
          return t('inst.saved');
        }), {kind: 'link', attrs: {'aria-label': `${i.active ? t('inst.deactivate') : t('inst.activate')} ${i.name}`}})),
      unitsOf(i, out, redraw)]), {id: 'institutions-table'}));
  };
  const create = h('form', {novalidate: true, class: 'card'}, h('h2', {}, t('inst.new')), code, name, domains,
    button(t('inst.create'), () => out.run(async () => {
      await api('/api/v1/institutions', {method: 'POST', body: {code: code.control.value.trim(), name: name.control.value.trim(),
        emailDomains: domains.control.value.split(',').map((d) => d.trim()).filter(Boolean), active: true}});
      code.control.value = '';
      name.control.value = '';
      domains.control.value = '';
      await redraw();
      return t('inst.created');
    }), {type: 'submit'}));
  create.addEventListener('submit', (e) => e.preventDefault());
  main.append(out, list, create);
  await redraw();
}
