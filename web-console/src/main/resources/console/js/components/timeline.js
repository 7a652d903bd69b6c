// The SOP timeline of a request (renewal-service's GET /requests/{id}/timeline): each step with who did it,
// when, how long it took and the standard time (mutu baku).
import {h, table} from '../dom.js';
import {t} from '../i18n.js';
import {dateTime, duration, label} from '../format.js';

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
      s.actor || '—', dateTime(s.completedAt), duration(s.durationSeconds), duration(s.standardSeconds), verdict(s)]),
    {class: 'timeline'});
}
