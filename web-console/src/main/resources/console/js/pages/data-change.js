// SOP step 4 ("Perubahan Data Pemohon"): the applicant asks for new values with a reason and the evidence (the SK as
// PDF, or a scan); a verifier of the institution approves it. Only the fields that really change are sent.
import {h, field, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, setFlash} from '../notices.js';
import {navigate} from '../router.js';
import {bytesToBase64} from '../download.js';

const TEXT_FIELDS = ['fullName', 'email', 'nik', 'nip', 'phone', 'position'];
const MAX_FILES = 3;
const MAX_BYTES = 512 * 1024;

async function documents(input) {
  const files = Array.from(input.files || []);
  if (files.length > MAX_FILES) throw Object.assign(new Error(), {title: t('change.too-many'), detail: t('change.too-many-detail', {n: MAX_FILES})});
  const big = files.find((f) => f.size > MAX_BYTES);
  if (big) throw Object.assign(new Error(), {title: t('change.too-large'), detail: t('change.too-large-detail', {file: big.name})});
  return Promise.all(files.map(async (f) => ({fileName: f.name, content: bytesToBase64(await f.arrayBuffer())})));
}

export default async function dataChange(main, params, query) {
  const back = query.get('kembali');
  const returnTo = back && back.startsWith('/') && !back.startsWith('//') ? back : '/console/data';
  main.append(h('h1', {}, t('change.title')), h('p', {class: 'lead'}, t('change.lead')));
  const [me, institutions] = await Promise.all([api('/api/v1/applicants/me'), api('/api/v1/institutions')]);
  const inputs = {};
  const form = h('form', {novalidate: true, id: 'data-change-form'});
  TEXT_FIELDS.forEach((f) => {
    inputs[f] = field({label: t(`field.${f}`), name: f, value: me[f] || '', type: f === 'email' ? 'email' : 'text',
      hint: f === 'nip' ? t('change.nip-hint') : null, attrs: {autocomplete: 'off'}});
    form.append(inputs[f]);
  });
  inputs.employmentType = field({label: t('field.employmentType'), name: 'employmentType', type: 'select', value: me.employmentType,
    options: ['PNS', 'PPPK', 'NON_ASN'].map((v) => [v, t(`employment.${v}`)])});
  inputs.institutionId = field({label: t('field.institution'), name: 'institutionId', type: 'select', value: me.institution.id,
    options: institutions.map((i) => [i.id, i.name])});
  const unitOptions = (institutionId) => {
    const inst = institutions.find((i) => i.id === institutionId);
    return (inst ? inst.workUnits.filter((u) => u.active) : []).map((u) => [u.id, u.name]);
  };
  inputs.workUnitId = field({label: t('field.workUnit'), name: 'workUnitId', type: 'select', value: me.workUnit.id,
    options: unitOptions(me.institution.id)});
  inputs.institutionId.control.addEventListener('change', () => {
    const select = inputs.workUnitId.control;
    select.replaceChildren(...unitOptions(inputs.institutionId.control.value).map(([v, text]) => h('option', {value: v}, text)));
  });
  const reason = field({label: t('change.reason'), name: 'reason', type: 'textarea', required: true, hint: t('change.reason-hint')});
  const files = field({label: t('change.documents'), name: 'documents', type: 'file',
    hint: t('change.documents-hint', {n: MAX_FILES}), attrs: {accept: 'application/pdf,image/jpeg,image/png', multiple: true}});
  const out = outlet();
  form.append(inputs.employmentType, inputs.institutionId, inputs.workUnitId, reason, files, out,
    h('div', {class: 'actions'}, button(t('change.submit'), () => out.run(async () => {
      const current = {...me, institutionId: me.institution.id, workUnitId: me.workUnit.id};
      const changes = {};
      Object.entries(inputs).forEach(([f, el]) => {
        const value = el.control.value.trim();
        if (value !== (current[f] || '')) changes[f] = value;
      });
      if (!Object.keys(changes).length) {
        throw Object.assign(new Error(), {title: t('change.nothing'), detail: t('change.nothing-detail')});
      }
      await api('/api/v1/applicants/me/data-changes', {method: 'POST',
        body: {dataVersion: me.dataVersion, changes, reason: reason.control.value.trim(), documents: await documents(files.control)}});
      setFlash(t('change.sent'));
      await navigate(returnTo);
      return null;
    }), {type: 'submit', attrs: {id: 'submit-change'}}), h('a', {href: returnTo, class: 'btn link'}, t('common.back'))));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(form);
}
