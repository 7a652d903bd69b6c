// SOP step 3: the applicant checks the data on record and confirms it ("Sesuai"), or asks for a change (step 4).
import {h, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import {badge} from '../components/badges.js';
import {dataFacts, confirmationState} from '../components/applicant-data.js';
import {dateTime} from '../format.js';

/** The "Sesuai" block, shared with the renewal page: answers the element; onConfirmed runs after a confirmation. */
export function confirmBlock(me, onConfirmed, returnTo) {
  const out = outlet();
  const actions = h('div', {class: 'actions'});
  if (!me.openDataChangeId && me.confirmedVersion !== me.dataVersion) {
    actions.append(button(t('data.confirm'), () => out.run(async () => {
      await api('/api/v1/applicants/me/confirmation', {method: 'POST', body: {dataVersion: me.dataVersion}});
      await onConfirmed();
      return null;
    }), {attrs: {id: 'confirm-data'}}));
  }
  if (!me.openDataChangeId) {
    const back = returnTo ? `?kembali=${encodeURIComponent(returnTo)}` : '';
    actions.append(h('a', {class: 'btn secondary', href: `/console/data/perubahan${back}`, id: 'change-data'}, t('data.not-matching')));
  }
  return h('div', {class: 'confirm-block'}, confirmationState(me), out, actions);
}

export default async function myData(main) {
  main.append(h('h1', {}, t('data.title')), h('p', {class: 'lead'}, t('data.lead')));
  const body = h('div');
  main.append(body);
  const draw = async () => {
    const [me, changes] = await Promise.all([api('/api/v1/applicants/me'), api('/api/v1/applicants/me/data-changes')]);
    body.replaceChildren(dataFacts(me), confirmBlock(me, draw, null));
    if (changes.length) {
      body.append(h('h2', {}, t('data.changes')), table(t('data.changes'),
        [t('data.change.fields'), t('data.change.reason'), t('data.change.status'), t('data.change.decided')],
        changes.map((c) => [Object.keys(c.changes).map((f) => t(`field.${f}`)).join(', '), c.reason, badge('change', c.status),
          c.decidedAt ? `${dateTime(c.decidedAt)}${c.decisionReason ? ` — ${c.decisionReason}` : ''}` : '—'])));
    }
  };
  await draw();
}
