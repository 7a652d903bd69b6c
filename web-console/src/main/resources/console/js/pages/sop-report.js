// The SOP report: per month (Asia/Jakarta) and step, how long the steps of completed requests really took against
// the standard times (renewal-service's GET /requests/sop-summary): a chart and the same numbers as a table.
import {h, field, button, table} from '../dom.js';
import {t, language} from '../i18n.js';
import {api, query} from '../api.js';
import {outlet} from '../notices.js';
import {duration} from '../format.js';
import {sopChart} from '../components/sop-chart.js';

function month(offset) {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export default async function sopReport(main) {
  main.append(h('h1', {}, t('report.title')), h('p', {class: 'lead'}, t('report.lead')));
  const from = field({label: t('report.from'), name: 'from', type: 'month', value: month(-5), required: true});
  const to = field({label: t('report.to'), name: 'to', type: 'month', value: month(0), required: true});
  const out = outlet();
  const result = h('div', {id: 'sop-report'});
  const stepName = (r) => (language() === 'en' ? r.nameEn : r.nameId);
  const load = () => out.run(async () => {
    const rows = await api(`/api/v1/requests/sop-summary${query({from: from.control.value, to: to.control.value})}`);
    result.replaceChildren();
    if (!rows.length) {
      result.append(h('p', {}, t('report.empty')));
      return null;
    }
    const months = [...new Set(rows.map((r) => r.month))].sort().reverse();
    months.forEach((m) => {
      const mine = rows.filter((r) => r.month === m).sort((a, b) => a.step - b.step);
      result.append(h('section', {class: 'report-month'}, h('h2', {}, t('report.month', {month: m})),
        h('figure', {}, sopChart(mine, {id: `chart-${m}`, stepName}), h('figcaption', {class: 'hint'}, t('report.legend'))),
        table(t('report.caption', {month: m}), [t('report.step'), t('report.count'), t('report.median'), t('report.p90'), t('report.standard'),
          t('report.share')], mine.map((r) => [`${r.step}. ${stepName(r)}`, String(r.count), duration(r.medianSeconds), duration(r.p90Seconds),
          duration(r.standardSeconds), `${Math.round(r.shareWithinStandard * 100)} %`]))));
    });
    return null;
  });
  const form = h('form', {novalidate: true, class: 'inline-form'}, from, to, button(t('report.show'), load, {type: 'submit'}));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(form, out, result);
  await load();
}
