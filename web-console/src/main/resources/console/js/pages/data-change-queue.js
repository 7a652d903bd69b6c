// Data changes waiting for a verifier (SOP "Perubahan Data Pemohon"), oldest first.
import {h, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';

export default async function dataChangeQueue(main) {
  main.append(h('h1', {}, t('changes.title')));
  const changes = await api('/api/v1/data-changes?size=100');
  if (!changes.length) {
    main.append(h('p', {}, t('changes.empty')));
    return;
  }
  main.append(table(t('changes.caption'), [t('queue.applicant'), t('data.change.fields'), t('changes.subject'), t('changes.documents')],
    changes.map((c) => [h('a', {href: `/console/perubahan-data/${c.id}`}, c.applicantName),
      Object.keys(c.changes).map((f) => t(`field.${f}`)).join(', '), c.subjectChange ? t('common.yes') : t('common.no'),
      String(c.documents.length)]), {id: 'changes-table'}));
}
