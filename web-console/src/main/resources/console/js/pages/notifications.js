// The applicant's own mail: reminders and workflow messages, and whether they went out.
import {h, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {badge} from '../components/badges.js';
import {dateTime, label} from '../format.js';

export default async function notifications(main) {
  main.append(h('h1', {}, t('notif.title')));
  const page = await api('/api/v1/notifications?limit=100');
  if (!page.items.length) {
    main.append(h('p', {}, t('notif.none')));
    return;
  }
  main.append(table(t('notif.caption'), [t('notif.created'), t('notif.subject'), t('notif.kind'), t('notif.status'), t('notif.sent')],
    page.items.map((n) => [dateTime(n.createdAt), n.subject || '—', label('kind', n.kind), badge('delivery', n.status), dateTime(n.sentAt)])));
}
