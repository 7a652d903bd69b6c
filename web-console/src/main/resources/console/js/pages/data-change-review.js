// One data change under review: each field's value on record and the one asked for, the reason, the evidence shown
// in the page (PDF or image, fetched with the verifier's token), and approve or reject with a reason.
import {h, button, field, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, setFlash} from '../notices.js';
import {navigate} from '../router.js';
import {badge} from '../components/badges.js';
import {save} from '../download.js';
import * as session from '../session.js';

async function documentView(change, doc) {
  const res = await api(`/api/v1/data-changes/${change.id}/documents/${doc.id}`, {accept: doc.mediaType, raw: true});
  const blob = new Blob([await res.arrayBuffer()], {type: doc.mediaType});
  const url = URL.createObjectURL(blob);
  const download = button(t('changes.download', {file: doc.fileName}), () => save(doc.fileName, blob), {kind: 'link'});
  const shown = doc.mediaType === 'application/pdf'
    ? h('object', {data: url, type: 'application/pdf', class: 'document', 'aria-label': doc.fileName},
      h('p', {}, t('changes.pdf-fallback')))
    : h('img', {src: url, alt: t('changes.image-alt', {file: doc.fileName}), class: 'document'});
  return h('figure', {class: 'evidence'}, shown, h('figcaption', {}, doc.fileName, ` (${Math.ceil(doc.sizeBytes / 1024)} KiB) `, download));
}

export default async function dataChangeReview(main, params) {
  main.append(h('h1', {}, t('changes.review-title')));
  const [change, institutions] = await Promise.all([api(`/api/v1/data-changes/${params.id}`), api(session.role() === 'ADMIN'
    ? '/api/v1/institutions?includeInactive=true' : '/api/v1/institutions')]);
  const names = {};
  institutions.forEach((i) => {
    names[i.id] = i.name;
    i.workUnits.forEach((u) => { names[u.id] = u.name; });
  });
  // institution and unit changes arrive as ids: show their names
  const shown = (f, v) => (['institutionId', 'workUnitId'].includes(f) && names[v] ? names[v] : v);
  const out = outlet();
  main.append(h('p', {}, h('strong', {}, change.applicantName), ' ', badge('change', change.status)),
    change.subjectChange ? h('p', {class: 'notice warn'}, t('changes.subject-warning')) : null,
    table(t('changes.fields-caption'), [t('changes.field'), t('changes.on-record'), t('changes.requested')],
      Object.entries(change.changes).map(([f, v]) => [t(`field.${f}`), shown(f, change.currentValues[f]) || '—', shown(f, v) || t('changes.cleared')]),
      {id: 'change-fields'}),
    h('p', {}, h('strong', {}, t('change.reason'), ': '), change.reason),
    h('h2', {}, t('changes.documents')));
  if (!change.documents.length) main.append(h('p', {}, t('changes.no-documents')));
  for (const doc of change.documents) main.append(await documentView(change, doc));
  if (change.status !== 'SUBMITTED') return;
  const reason = field({label: t('review.reason'), name: 'reject-reason', type: 'textarea', hint: t('changes.reject-hint')});
  main.append(out, h('div', {class: 'actions'}, button(t('changes.approve'), () => out.run(async () => {
    await api(`/api/v1/data-changes/${change.id}/approve`, {method: 'POST'});
    setFlash(t('changes.approved'));
    await navigate('/console/perubahan-data');
    return null;
  }), {attrs: {id: 'approve-change'}})), reason, h('div', {class: 'actions'}, button(t('changes.reject'), () => out.run(async () => {
    await api(`/api/v1/data-changes/${change.id}/reject`, {method: 'POST', body: {reason: reason.control.value.trim()}});
    setFlash(t('changes.rejected'));
    await navigate('/console/perubahan-data');
    return null;
  }), {kind: 'danger', attrs: {id: 'reject-change'}})));
}
