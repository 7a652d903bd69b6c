// One request under review (SOP steps 7 and 8): the frozen subject data against today's, claim and release, the
// step-7 evidence (each subject item; the institution contact: who, how, when, outcome), and the decision: approve
// (second factor; four-eyes: not by whoever recorded the checks), return or reject with a reason.
import {h, button, field, facts, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet} from '../notices.js';
import * as session from '../session.js';
import {badge} from '../components/badges.js';
import {timelineTable} from '../components/timeline.js';
import {dateTime, label, jakartaLocalNow, fromJakartaLocal} from '../format.js';

const ITEMS = [['FULL_NAME', 'fullName'], ['EMAIL', 'email'], ['NIK', 'nik'], ['INSTITUTION', 'institutionName'], ['UNIT', 'unitName']];

function checksForm(detail, out, redraw) {
  const recorded = Object.fromEntries((detail.checks || []).map((c) => [c.item, c]));
  const rows = ITEMS.map(([item, key]) => {
    const matches = field({label: t('review.matches', {item: t(`item.${item}`)}), name: `match-${item}`, type: 'checkbox',
      value: recorded[item] ? recorded[item].matches : false});
    const note = field({label: t('review.note-for', {item: t(`item.${item}`)}), name: `note-${item}`, value: recorded[item] ? recorded[item].note : ''});
    return {item, key, matches, note};
  });
  const c = detail.contact || {};
  const person = field({label: t('review.contact-person'), name: 'contactPerson', required: true, value: c.contactPerson || ''});
  const channel = field({label: t('review.channel'), name: 'channel', type: 'select', value: c.channel || 'PHONE',
    options: ['PHONE', 'EMAIL', 'LETTER', 'IN_PERSON'].map((v) => [v, t(`channel.${v}`)])});
  const when = field({label: t('review.contacted-at'), name: 'contactedAt', type: 'datetime-local', required: true,
    value: jakartaLocalNow(), hint: t('review.contacted-at-hint')});
  const outcome = field({label: t('review.outcome'), name: 'outcome', type: 'select', value: c.outcome || 'CONFIRMED',
    options: ['CONFIRMED', 'NOT_CONFIRMED'].map((v) => [v, t(`outcome.${v}`)])});
  const note = field({label: t('review.contact-note'), name: 'contactNote', type: 'textarea', value: c.note || ''});
  const s = detail.snapshot || {};
  const cur = detail.current || {};
  return h('section', {'aria-labelledby': 'step7'}, h('h2', {id: 'step7'}, t('review.step7')),
    h('fieldset', {}, h('legend', {}, t('review.step7a')),
      rows.map((r) => h('div', {class: 'item-check'}, h('p', {class: 'item-values'}, h('strong', {}, t(`item.${r.item}`)), ': ',
        s[r.key] || '—', (detail.differences || []).includes(r.item) ? h('span', {class: 'badge bad'}, t('review.differs', {now: cur[r.key] || '—'})) : null),
      r.matches, r.note))),
    h('fieldset', {}, h('legend', {}, t('review.step7b')), person, channel, when, outcome, note),
    button(t('review.save-checks'), () => out.run(async () => {
      await api(`/api/v1/requests/${detail.request.id}/checks`, {method: 'POST', body: {
        items: rows.map((r) => ({item: r.item, matches: r.matches.control.checked, note: r.note.control.value.trim() || null})),
        contact: {contactPerson: person.control.value.trim(), channel: channel.control.value, contactedAt: fromJakartaLocal(when.control.value),
          outcome: outcome.control.value, note: note.control.value.trim() || null},
      }});
      await redraw();
      return t('review.checks-saved');
    }), {attrs: {id: 'save-checks'}}));
}

function decision(detail, out, redraw) {
  const id = detail.request.id;
  const reason = field({label: t('review.reason'), name: 'decision-reason', type: 'textarea', hint: t('review.reason-hint')});
  const decide = (action, message) => () => out.run(async () => {
    const body = action === 'approve' ? undefined : {reason: reason.control.value.trim()};
    await api(`/api/v1/requests/${id}/${action}`, {method: 'POST', body});
    await redraw();
    return message;
  });
  return h('section', {'aria-labelledby': 'step8'}, h('h2', {id: 'step8'}, t('review.step8')),
    session.secondFactor() ? null : h('p', {class: 'notice warn'}, t('review.needs-otp')),
    h('p', {class: 'hint'}, t('review.four-eyes')),
    h('div', {class: 'actions'}, button(t('review.approve'), decide('approve', t('review.approved')), {attrs: {id: 'approve'}})),
    reason, h('div', {class: 'actions'}, button(t('review.return'), decide('return', t('review.returned')), {kind: 'secondary', attrs: {id: 'return'}}),
      button(t('review.reject'), decide('reject', t('review.rejected')), {kind: 'danger', attrs: {id: 'reject'}})));
}

function evidence(detail) {
  const parts = [];
  if ((detail.checks || []).length) {
    parts.push(table(t('review.recorded-items'), [t('review.item'), t('review.result'), t('review.note'), t('review.recorded-at')],
      detail.checks.map((c) => [t(`item.${c.item}`), c.matches ? t('review.match-yes') : t('review.match-no'), c.note || '—', dateTime(c.recordedAt)])));
  }
  if (detail.contact) {
    const c = detail.contact;
    parts.push(facts([[t('review.contact-person'), c.contactPerson], [t('review.channel'), label('channel', c.channel)],
      [t('review.contacted-at'), dateTime(c.contactedAt)], [t('review.outcome'), label('outcome', c.outcome)], [t('review.contact-note'), c.note]]));
  }
  return parts.length ? h('section', {}, h('h2', {}, t('review.evidence')), ...parts) : null;
}

export default async function review(main, params) {
  main.append(h('h1', {}, t('review.title')));
  const out = outlet();
  const body = h('div');
  main.append(out, body);
  const draw = async () => {
    const [detail, timeline] = await Promise.all([api(`/api/v1/requests/${params.id}`), api(`/api/v1/requests/${params.id}/timeline`)]);
    const r = detail.request;
    const s = detail.snapshot || {};
    const mine = r.claimedBy === session.claims().sub;
    const claim = h('div', {class: 'actions'});
    if (r.state === 'SUBMITTED') {
      claim.append(button(t('queue.claim'), () => out.run(async () => {
        await api(`/api/v1/requests/${r.id}/claim`, {method: 'POST'});
        await draw();
        return t('review.claimed');
      }), {attrs: {id: 'claim'}}));
    }
    if (r.state === 'IN_REVIEW' && mine) {
      claim.append(button(t('review.release'), () => out.run(async () => {
        await api(`/api/v1/requests/${r.id}/release`, {method: 'POST'});
        await draw();
        return t('review.released');
      }), {kind: 'secondary', attrs: {id: 'release'}}));
    }
    body.replaceChildren(facts([
      [t('queue.applicant'), s.fullName], [t('field.email'), s.email], [t('field.nik'), s.nik],
      [t('field.institution'), s.institutionName], [t('field.workUnit'), s.unitName],
      [t('request.type'), t(`type.${r.type}`)], [t('request.state'), h('span', {id: 'request-state'}, badge('state', r.state))],
      r.certificateSerial ? [t('request.certificate'), h('code', {}, r.certificateSerial)] : null,
      r.revocationReason ? [t('revoke.reason'), label('revocation', r.revocationReason)] : null,
      [t('requests.submitted'), dateTime(r.submittedAt)],
      [t('queue.claimed-by'), r.claimedBy ? (mine ? t('queue.claimed-by-me') : t('queue.claimed-by-other')) : '—'],
      r.reason ? [t('request.reason'), r.reason] : null,
    ]), claim);
    if ((detail.differences || []).length) {
      body.append(h('p', {class: 'notice warn', role: 'status'}, t('review.subject-changed',
        {items: detail.differences.map((d) => t(`item.${d}`)).join(', ')})));
    }
    if (r.state === 'IN_REVIEW' && mine) body.append(checksForm(detail, out, draw));
    const ev = evidence(detail);
    if (ev) body.append(ev);
    if (r.state === 'IN_REVIEW') body.append(decision(detail, out, draw));
    body.append(h('h2', {}, t('timeline.title')), timelineTable(timeline));
  };
  await draw();
}
