// Applicants of the officer's institutions, by name or e-mail (or a whole NIK/NIP). The search words stay in this
// page's memory, never in its address: a NIK must not end up in the browser's history.
import {h, field, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api, query} from '../api.js';
import {outlet} from '../notices.js';
import * as session from '../session.js';
import {badge} from '../components/badges.js';

export default async function applicantSearch(main) {
  main.append(h('h1', {}, t('search.title')), h('p', {class: 'lead'}, t('search.lead')));
  const institutions = await api('/api/v1/institutions');
  const mine = session.role() === 'ADMIN' ? institutions : institutions.filter((i) => (session.claims().inst || []).includes(i.id));
  const words = field({label: t('search.words'), name: 'q', type: 'search', hint: t('search.words-hint'), attrs: {autocomplete: 'off'}});
  const institution = field({label: t('field.institution'), name: 'institutionId', type: 'select', value: '',
    options: [['', t('search.all-mine')], ...mine.map((i) => [i.id, i.name])]});
  const out = outlet();
  const results = h('div', {'aria-live': 'polite'});
  const search = () => out.run(async () => {
    const page = await api(`/api/v1/applicants${query({q: words.control.value.trim(), institutionId: institution.control.value, size: 50})}`);
    const names = Object.fromEntries(institutions.map((i) => [i.id, i.name]));
    results.replaceChildren(h('p', {}, t('search.found', {n: page.total})), page.items.length ? table(t('search.caption'),
      [t('field.fullName'), t('field.email'), t('field.nik'), t('field.nip'), t('field.institution'), t('field.workUnit'), t('search.status')],
      page.items.map((a) => [a.fullName, a.email, a.nikMasked, a.nipMasked || '—', names[a.institutionId] || '—', a.workUnitName,
        badge('account', a.status)]), {id: 'applicant-results'}) : null);
    return null;
  });
  const form = h('form', {role: 'search', novalidate: true}, words, institution, button(t('search.submit'), search, {type: 'submit'}));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(form, out, results);
  await search();
}
