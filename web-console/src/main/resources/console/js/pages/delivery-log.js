// Every message the system sent or tried to send, with its attempts; an admin can send one again.
import {h, field, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api, query} from '../api.js';
import {outlet} from '../notices.js';
import {badge} from '../components/badges.js';
import {dateTime, label} from '../format.js';

const STATUSES = ['', 'SENT', 'PENDING', 'RETRYING', 'FAILED', 'SKIPPED'];

export default async function deliveryLog(main) {
  main.append(h('h1', {}, t('log.title')));
  const out = outlet();
  const list = h('div');
  const status = field({label: t('log.status'), name: 'status', type: 'select', value: '',
    options: STATUSES.map((s) => [s, s ? label('delivery', s) : t('log.all')])});
  const redraw = async () => {
    const page = await api(`/api/v1/notifications${query({status: status.control.value, limit: 100})}`);
    list.replaceChildren(h('p', {}, t('log.count', {n: page.total})), table(t('log.caption'),
      [t('notif.created'), t('log.recipient'), t('notif.kind'), t('notif.subject'), t('notif.status'), t('log.attempts'), t('notif.sent'), t('queue.action')],
      page.items.map((n) => [dateTime(n.createdAt), n.recipientEmail, label('kind', n.kind), n.subject || '—',
        h('span', {}, badge('delivery', n.status), n.lastError ? h('span', {class: 'hint block'}, n.lastError) : null),
        String(n.attempts), dateTime(n.sentAt), button(t('log.resend'), () => out.run(async () => {
          await api(`/api/v1/notifications/${n.id}/resend`, {method: 'POST'});
          await redraw();
          return t('log.resent');
        }), {kind: 'link', attrs: {'aria-label': t('log.resend-for', {subject: n.subject || n.kind})}})]), {id: 'delivery-table'}));
  };
  status.control.addEventListener('change', () => out.run(redraw));
  main.append(status, out, list);
  await redraw();
}
