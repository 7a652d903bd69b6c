// The SOP report as an SVG bar chart drawn here (no chart library): one row per step, the bar is the median time
// divided by the step's standard time (mutu baku), the thin mark the 90th percentile, the dashed line the standard
// itself (1×). Dividing by the standard puts a 2-minute step and an 8-minute step on one scale. Colours come from
// CSS classes (the CSP allows no inline style); the numbers are also in the table beside it.
import {t} from '../i18n.js';
import {duration} from '../format.js';

const NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs, ...children) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

// SOP step names run to ~90 characters; the label column holds about 28 (the whole name is in the table and the desc)
function short(name) {
  return name.length > 28 ? `${name.slice(0, 27).trimEnd()}…` : name;
}

export function sopChart(rows, {id, stepName}) {
  const row = 34;
  const left = 230;
  const width = 720;
  const plot = width - left - 20;
  const top = 24;
  const height = top + rows.length * row + 40;
  const max = Math.max(2, ...rows.map((r) => r.p90Seconds / r.standardSeconds)) * 1.05;
  const x = (ratio) => left + (Math.min(ratio, max) / max) * plot;
  const svg = el('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'sop-chart', id},
    el('title', {id: `${id}-title`}, t('report.chart-title')),
    el('desc', {id: `${id}-desc`}, rows.map((r) => t('report.chart-row', {step: r.step, median: duration(r.medianSeconds),
      p90: duration(r.p90Seconds), standard: duration(r.standardSeconds)})).join(' ')));
  const ticks = [0, 0.5, 1, 1.5, 2, 3, 5, 10, 20].filter((v) => v <= max);
  ticks.forEach((v) => {
    svg.append(el('line', {x1: x(v), x2: x(v), y1: top - 6, y2: height - 34, class: v === 1 ? 'standard' : 'grid'}),
      el('text', {x: x(v), y: height - 18, 'text-anchor': 'middle', class: 'tick'}, `${v}×`));
  });
  svg.append(el('text', {x: x(1) + 4, y: top - 10, class: 'standard-label'}, t('report.standard-line')));
  rows.forEach((r, i) => {
    const y = top + i * row;
    const ratio = r.medianSeconds / r.standardSeconds;
    const over = ratio > 1;
    svg.append(el('text', {x: left - 8, y: y + 18, 'text-anchor': 'end', class: 'label'}, `${r.step}. ${short(stepName(r))}`,
        el('title', {}, stepName(r))),
      el('rect', {x: left, y: y + 6, width: Math.max(1, x(ratio) - left), height: 16, class: over ? 'bar over' : 'bar within'},
        el('title', {}, `${duration(r.medianSeconds)} / ${duration(r.standardSeconds)}`)),
      el('line', {x1: x(r.p90Seconds / r.standardSeconds), x2: x(r.p90Seconds / r.standardSeconds), y1: y + 2, y2: y + 26, class: 'p90'}),
      el('text', {x: Math.min(x(ratio) + 6, width - 110), y: y + 19, class: 'value'}, duration(r.medianSeconds)));
  });
  return svg;
}
