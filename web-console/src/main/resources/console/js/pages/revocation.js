// Asking for a certificate to be revoked (REVOCATION request): the RFC 5280 reason, then a verifier decides.
import {h, field, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, setFlash} from '../notices.js';
import {navigate} from '../router.js';

const REASONS = ['keyCompromise', 'affiliationChanged', 'cessationOfOperation', 'superseded', 'privilegeWithdrawn', 'unspecified'];

export default async function revocation(main, params) {
  main.append(h('h1', {}, t('revoke.title')), h('p', {class: 'lead'}, t('revoke.lead', {serial: params.serial})));
  const reason = field({label: t('revoke.reason'), name: 'reason', type: 'select', required: true, value: 'keyCompromise',
    options: REASONS.map((r) => [r, t(`revocation.${r}`)])});
  const out = outlet();
  main.append(h('form', {novalidate: true}, reason, out, h('div', {class: 'actions'},
    button(t('revoke.submit'), () => out.run(async () => {
      const created = await api('/api/v1/requests', {method: 'POST',
        body: {type: 'REVOCATION', certificateSerial: params.serial, reason: reason.control.value}});
      await api(`/api/v1/requests/${created.id}/submit`, {method: 'POST'});
      setFlash(t('revoke.sent'));
      await navigate(`/permohonan/${created.id}`);
      return null;
    }), {kind: 'danger', attrs: {id: 'submit-revocation'}}),
    h('a', {href: '/console/sertifikat', class: 'btn link'}, t('common.back')))));
}
