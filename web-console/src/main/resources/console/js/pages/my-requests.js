// The applicant's requests, newest first.
import {h, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {badge} from '../components/badges.js';
import {dateTime} from '../format.js';

export default async function myRequests(main) {
  main.append(h('h1', {}, t('requests.title')),
    h('p', {}, h('a', {href: '/console/permohonan-baru', class: 'btn secondary'}, t('requests.new'))));
  const page = await api('/api/v1/requests?limit=100');
  if (!page.items.length) {
    main.append(h('p', {}, t('requests.none')));
    return;
  }
  main.append(table(t('requests.caption'), [t('requests.type'), t('requests.state'), t('requests.created'), t('requests.submitted')],
    page.items.map((r) => [h('a', {href: `/permohonan/${r.id}`}, t(`type.${r.type}`)), badge('state', r.state), dateTime(r.createdAt),
      dateTime(r.submittedAt)])));
}
