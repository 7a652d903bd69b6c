// The SOP timeline of a request (renewal-service's GET /requests/{id}/timeline): each step with who did it,
// when, how long it took and the standard time (mutu baku). The API names who by account id; the page shows the role
// (and "you" for the signed-in person), keeping the id in data-actor: two different verifiers for steps 7 and 8 are
// the four-eyes principle at work.
import {h, table} from '../dom.js';
import {t} from '../i18n.js';
import {claims} from '../session.js';
import {dateTime, duration, label} from '../format.js';

function actor(step) {
  if (!step.actor) return '—';
  const mine = step.actor === (claims() || {}).sub;
  return h('span', {dataset: {actor: step.actor}}, label('role', step.actorRole), mine ? ` (${t('timeline.you')})` : null);
}

function verdict(step) {
  if (step.withinStandard === true) return h('span', {class: 'badge good'}, t('timeline.within'));
  if (step.withinStandard === false) return h('span', {class: 'badge bad'}, t('timeline.over'));
  return label('step-status', step.status);
}

export function timelineTable(timeline) {
  return table(t('timeline.caption'),
    [t('timeline.step'), t('timeline.activity'), t('timeline.actor'), t('timeline.done-at'), t('timeline.duration'),
      t('timeline.standard'), t('timeline.status')],
    timeline.steps.map((s) => [String(s.step), h('span', {}, s.name, s.note ? h('span', {class: 'hint block'}, s.note) : null),
      actor(s), dateTime(s.completedAt), duration(s.durationSeconds), duration(s.standardSeconds), verdict(s)]),
    {class: 'timeline'});
}
