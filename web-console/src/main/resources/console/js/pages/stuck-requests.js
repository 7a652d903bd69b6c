// Requests stuck in ISSUING (the CA unreachable, or a refusal an admin must look at), with a retry.
import {h, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import {dateTime} from '../format.js';

export default async function stuckRequests(main) {
  main.append(h('h1', {}, t('stuck.title')), h('p', {class: 'lead'}, t('stuck.lead')));
  const out = outlet();
  const list = h('div');
  const redraw = async () => {
    const stuck = await api('/api/v1/requests/stuck');
    list.replaceChildren(stuck.length ? table(t('stuck.caption'), [t('stuck.request'), t('requests.type'), t('stuck.attempts'),
      t('stuck.last-error'), t('stuck.next'), t('stuck.gave-up'), t('queue.action')],
    stuck.map((s) => [h('a', {href: `/console/tinjau/${s.request.id}`}, s.request.id.slice(0, 8)), t(`type.${s.request.type}`),
      String(s.attempts ?? '—'), s.lastError || '—', dateTime(s.nextAttemptAt), dateTime(s.gaveUpAt),
      button(t('stuck.retry'), () => out.run(async () => {
        await api(`/api/v1/requests/${s.request.id}/issuance/retry`, {method: 'POST'});
        await redraw();
        return t('stuck.retried');
      }), {kind: 'secondary'})])) : h('p', {}, t('stuck.none')));
  };
  main.append(out, list);
  await redraw();
}
