// A request as its applicant sees it (/permohonan/{id}, the workflow mails' link): where it stands, what to do next
// (submit — SOP step 6 —, replace the CSR of a returned request, cancel, collect a CA-made key, download the
// certificate) and the SOP timeline against the standard times. Officers following the same link get the review page.
import {h, button, field, facts} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import {navigate} from '../router.js';
import * as session from '../session.js';
import {badge} from '../components/badges.js';
import {timelineTable} from '../components/timeline.js';
import {keyChoice, passphraseProblem} from '../components/key-choice.js';
import {dateTime, label} from '../format.js';
import {save, base64ToBytes} from '../download.js';
import {downloadCertificate} from './certificates.js';

const CANCELLABLE = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED'];
const POLL_MS = 3000;

function collectForm(request, out, redraw) {
  const pass = field({label: t('collect.passphrase'), name: 'collect-passphrase', type: 'password', required: true,
    hint: t('collect.passphrase-hint'), attrs: {autocomplete: 'new-password'}});
  const repeat = field({label: t('key.passphrase-repeat'), name: 'collect-passphrase-repeat', type: 'password', required: true,
    attrs: {autocomplete: 'new-password'}});
  return h('section', {'aria-labelledby': 'collect-h'}, h('h2', {id: 'collect-h'}, t('collect.title')), h('p', {}, t('collect.lead')),
    pass, repeat, button(t('collect.submit'), () => out.run(async () => {
      const problem = passphraseProblem(pass.control.value, repeat.control.value);
      if (problem) throw Object.assign(new Error(problem), {title: problem});
      const collected = await api(`/api/v1/requests/${request.id}/collect`, {method: 'POST', body: {passphrase: pass.control.value}});
      pass.control.value = '';
      repeat.control.value = '';
      save(`${collected.certificate.serial}.p12`, base64ToBytes(collected.certificate.pkcs12), 'application/x-pkcs12');
      await redraw();
      return t('collect.done', {serial: collected.certificate.serial});
    }), {attrs: {id: 'collect'}}));
}

function replaceCsr(request, me, out, redraw) {
  const keys = keyChoice({commonName: me.fullName, email: me.email, allowServerKey: false});
  return h('section', {'aria-labelledby': 'csr-h'}, h('h2', {id: 'csr-h'}, t('request.replace-key')), keys,
    button(t('request.replace-key-save'), () => out.run(async () => {
      await api(`/api/v1/requests/${request.id}`, {method: 'PUT', body: {...keys.result()}});
      await redraw();
      return t('request.key-replaced');
    }), {kind: 'secondary'}));
}

export default async function requestStatus(main, params) {
  if (session.role() !== 'APPLICANT') {
    await navigate(`/console/tinjau/${params.id}`, {replace: true});
    return;
  }
  main.append(h('h1', {}, t('request.title')));
  const out = outlet();
  const body = h('div');
  main.append(out, body);
  const draw = async () => {
    const [detail, timeline] = await Promise.all([api(`/api/v1/requests/${params.id}`), api(`/api/v1/requests/${params.id}/timeline`)]);
    const r = detail.request;
    const actions = h('div', {class: 'actions'});
    body.replaceChildren(facts([
      [t('request.type'), t(`type.${r.type}`)],
      [t('request.state'), h('span', {id: 'request-state'}, badge('state', r.state))],
      [t('request.key'), r.keyGeneration ? t('request.key-server') : r.type === 'REVOCATION' ? '—' : t('request.key-csr')],
      r.certificateSerial ? [t('request.certificate'), h('code', {}, r.certificateSerial)] : null,
      r.revocationReason ? [t('revoke.reason'), label('revocation', r.revocationReason)] : null,
      [t('request.created'), dateTime(r.createdAt)],
      [t('request.submitted'), dateTime(r.submittedAt)],
      r.reason ? [t('request.reason'), h('span', {id: 'request-reason'}, r.reason)] : null,
      r.issuedSerial ? [t('request.issued'), h('code', {id: 'issued-serial'}, r.issuedSerial)] : null,
      detail.issuedNotAfter ? [t('request.valid-until'), dateTime(detail.issuedNotAfter)] : null,
    ]), actions);
    if (['DRAFT', 'RETURNED'].includes(r.state)) {
      actions.append(button(t('request.submit'), () => out.run(async () => {
        await api(`/api/v1/requests/${r.id}/submit`, {method: 'POST'});
        await draw();
        return t('request.submitted-ok');
      }), {attrs: {id: 'submit-request'}}));
    }
    if (r.state === 'COMPLETED' && r.issuedSerial) {
      actions.append(button(t('certs.download'), () => out.run(() => downloadCertificate(r.issuedSerial, false)), {attrs: {id: 'download-certificate'}}),
        button(t('certs.download-chain'), () => out.run(() => downloadCertificate(r.issuedSerial, true)), {kind: 'secondary'}));
    }
    if (CANCELLABLE.includes(r.state)) {
      actions.append(button(t('request.cancel'), () => out.run(async () => {
        await api(`/api/v1/requests/${r.id}/cancel`, {method: 'POST', body: {reason: t('request.cancel-reason')}});
        await draw();
        return t('request.cancelled');
      }), {kind: 'danger'}));
    }
    if (r.state === 'APPROVED' && r.keyGeneration) body.append(collectForm(r, out, draw));
    if (r.state === 'RETURNED' && !r.keyGeneration && r.type !== 'REVOCATION') {
      body.append(replaceCsr(r, await api('/api/v1/applicants/me'), out, draw));
    }
    body.append(h('h2', {}, t('timeline.title')), timelineTable(timeline));
    if (r.state === 'ISSUING' || (r.state === 'APPROVED' && !r.keyGeneration)) {
      // the CA's work runs in the background for a moment: look again while this page is still shown
      setTimeout(() => { if (body.isConnected) draw().catch(() => null); }, POLL_MS);
    }
  };
  await draw();
}
