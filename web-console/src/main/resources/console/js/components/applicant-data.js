// The applicant's data as the SOP's step 3 shows it: what is on record, which fields go into the certificate,
// and whether this version was confirmed ("Sesuai").
import {h, facts} from '../dom.js';
import {t} from '../i18n.js';
import {dateTime, label} from '../format.js';

const IN_CERTIFICATE = ['fullName', 'email', 'institutionId', 'workUnitId'];

export function dataFacts(me) {
  const mark = (field) => (IN_CERTIFICATE.includes(field) || (me.certificateFields || []).includes(field)
    ? h('span', {class: 'hint'}, ` (${t('data.in-certificate')})`) : null);
  return facts([
    [h('span', {}, t('field.fullName'), mark('fullName')), me.fullName],
    [h('span', {}, t('field.email'), mark('email')), me.email],
    [t('field.nik'), me.nik],
    [t('field.nip'), me.nip || '—'],
    [t('field.phone'), me.phone],
    [t('field.position'), me.position],
    [t('field.employmentType'), label('employment', me.employmentType)],
    [h('span', {}, t('field.institution'), mark('institutionId')), me.institution ? me.institution.name : '—'],
    [h('span', {}, t('field.workUnit'), mark('workUnitId')), me.workUnit ? me.workUnit.name : '—'],
    [t('data.version'), String(me.dataVersion)],
  ], {id: 'my-data'});
}

export function confirmationState(me) {
  if (me.openDataChangeId) {
    return h('p', {class: 'notice info', role: 'status'}, t('data.change-open'));
  }
  if (me.confirmedVersion === me.dataVersion) {
    return h('p', {class: 'notice success', id: 'confirmed'}, t('data.confirmed', {when: dateTime(me.confirmedAt)}));
  }
  return h('p', {class: 'notice info'}, t('data.not-confirmed'));
}
