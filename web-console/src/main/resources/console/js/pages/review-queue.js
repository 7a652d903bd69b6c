// The verifier's queue: requests waiting for review (oldest first) with their age against the standard times of the
// steps still to do (SOP 7 and 8: 8 + 3 minutes) and the review SLA, then the requests under review now.
import {h, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import {navigate} from '../router.js';
import * as session from '../session.js';
import {badge} from '../components/badges.js';
import {dateTime, duration} from '../format.js';

/** SOP step 7 (8 min) and step 8 (3 min): what is left for the office once a request is submitted. */
export const STANDARD_SECONDS = (8 + 3) * 60;

function age(r) {
  const seconds = r.ageSeconds ?? (Date.now() - Date.parse(r.submittedAt)) / 1000;
  const ratio = Math.min(seconds / STANDARD_SECONDS, 99);
  return h('span', {class: `age ${seconds > STANDARD_SECONDS ? 'over' : 'within'}`},
    duration(seconds), h('span', {class: 'hint block'}, t('queue.times-standard', {x: ratio.toFixed(ratio < 10 ? 1 : 0)})));
}

async function names(items) {
  const details = await Promise.all(items.map((r) => api(`/api/v1/requests/${r.id}`).catch(() => null)));
  return details.map((d) => (d && d.snapshot ? d.snapshot.fullName : '—'));
}

export default async function reviewQueue(main) {
  main.append(h('h1', {}, t('queue.title')), h('p', {class: 'lead'}, t('queue.lead', {standard: duration(STANDARD_SECONDS)})));
  const out = outlet();
  main.append(out);
  const [queue, inReview] = await Promise.all([api('/api/v1/requests/queue?limit=100'), api('/api/v1/requests?state=IN_REVIEW&limit=100')]);
  const [waitingNames, reviewNames] = await Promise.all([names(queue.items), names(inReview.items)]);
  main.append(h('h2', {}, t('queue.waiting', {n: queue.total})));
  if (queue.items.length) {
    main.append(table(t('queue.waiting-caption'),
      [t('queue.applicant'), t('requests.type'), t('requests.submitted'), t('queue.age'), t('queue.sla'), t('queue.action')],
      queue.items.map((r, i) => [h('a', {href: `/console/tinjau/${r.id}`}, waitingNames[i]), t(`type.${r.type}`), dateTime(r.submittedAt),
        age(r), badge('sla', r.slaStatus), button(t('queue.claim'), () => out.run(async () => {
          await api(`/api/v1/requests/${r.id}/claim`, {method: 'POST'});
          await navigate(`/console/tinjau/${r.id}`);
          return null;
        }), {kind: 'secondary', attrs: {'aria-label': t('queue.claim-for', {name: waitingNames[i]}), dataset: {request: r.id}}})]),
      {id: 'queue-table'}));
  } else {
    main.append(h('p', {}, t('queue.empty')));
  }
  main.append(h('h2', {}, t('queue.in-review', {n: inReview.total})));
  const me = session.claims().sub;
  if (inReview.items.length) {
    main.append(table(t('queue.in-review-caption'), [t('queue.applicant'), t('requests.type'), t('requests.submitted'), t('queue.claimed-by')],
      inReview.items.map((r, i) => [h('a', {href: `/console/tinjau/${r.id}`}, reviewNames[i]), t(`type.${r.type}`), dateTime(r.submittedAt),
        r.claimedBy === me ? t('queue.claimed-by-me') : t('queue.claimed-by-other')]), {id: 'in-review-table'}));
  } else {
    main.append(h('p', {}, t('queue.in-review-empty')));
  }
}
