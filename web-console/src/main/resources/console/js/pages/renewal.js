// The page the expiry reminder links to (/pembaruan?serial=…): the SOP "Pembaruan Sertifikat Elektronik" from the
// applicant's side. Step 2 is the login that brought the person here; step 3 the data check ("Sesuai"), step 4 a
// data change when it does not match, step 5 the new key and the request; step 6, submitting, is on the request page.
import {h, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, setFlash} from '../notices.js';
import {navigate} from '../router.js';
import {badge} from '../components/badges.js';
import {keyChoice} from '../components/key-choice.js';
import {dataFacts} from '../components/applicant-data.js';
import {confirmBlock} from './my-data.js';
import {date} from '../format.js';

const OPEN = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'ISSUING'];

function steps(current) {
  return h('ol', {class: 'sop-steps', 'aria-label': t('renewal.steps')},
    [2, 3, 4, 5, 6].map((n) => h('li', {class: n < current ? 'done' : n === current ? 'current' : '', 'aria-current': n === current ? 'step' : null},
      t(`sop.step.${n}`))));
}

export default async function renewal(main, params, query) {
  const serial = query.get('serial');
  main.append(h('h1', {}, t('renewal.title')));
  const body = h('div');
  main.append(body);
  const draw = async () => {
    const [me, certificates, requests] = await Promise.all([api('/api/v1/applicants/me'), api('/api/v1/certificates?size=100'),
      api('/api/v1/requests?limit=100')]);
    const certificate = certificates.items.find((c) => c.serial === serial)
      || certificates.items.find((c) => c.status === 'ACTIVE');
    body.replaceChildren();
    if (!certificate) {
      body.append(h('p', {class: 'notice info'}, t('renewal.no-certificate')), h('a', {href: '/console/permohonan-baru'}, t('home.request-first')));
      return;
    }
    body.append(h('p', {class: 'lead'}, t('renewal.lead', {serial: certificate.serial, date: date(certificate.notAfter)}), ' ',
      badge('cert', certificate.status)));
    const open = requests.items.find((r) => r.type === 'RENEWAL' && OPEN.includes(r.state));
    if (open) {
      body.append(steps(6), h('p', {class: 'notice info', role: 'status'}, t('renewal.open'), ' ',
        h('a', {href: `/permohonan/${open.id}`, id: 'open-renewal'}, t('renewal.open-link')), ' ', badge('state', open.state)));
      return;
    }
    const confirmed = me.confirmedVersion === me.dataVersion && !me.openDataChangeId;
    body.append(steps(confirmed ? 5 : 3),
      h('section', {'aria-labelledby': 'step3'}, h('h2', {id: 'step3'}, t('renewal.check')), h('p', {}, t('renewal.check-lead')),
        dataFacts(me), confirmBlock(me, draw, `/pembaruan?serial=${encodeURIComponent(certificate.serial)}`)));
    if (!confirmed) return;
    const keys = keyChoice({commonName: me.fullName, email: me.email});
    const out = outlet();
    body.append(h('section', {'aria-labelledby': 'step5'}, h('h2', {id: 'step5'}, t('renewal.request')), h('p', {}, t('renewal.request-lead')),
      keys, out, h('div', {class: 'actions'}, button(t('request.create'), () => out.run(async () => {
        const created = await api('/api/v1/requests', {method: 'POST',
          body: {type: 'RENEWAL', certificateSerial: certificate.serial, ...keys.result()}});
        setFlash(t('request.created-ok'));
        await navigate(`/permohonan/${created.id}`);
        return null;
      }), {attrs: {id: 'create-request'}}))));
  };
  await draw();
}
