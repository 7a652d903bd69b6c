// Building the page without innerHTML: every text goes in as a text node, so nothing from the API can become markup.

/** h('p', {class: 'x', onclick: fn}, 'text', child) → an element. Attributes starting with "on" become listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique id for label/aria pairs. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A labelled form field: {label, name, type, value, required, hint, options: [[value, text]], attrs}.
 * Returns the wrapper; the control is wrapper.control.
 */
export function field({label, name, type = 'text', value, required, hint, options, attrs = {}}) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  let control;
  if (type === 'select') {
    control = h('select', {id, name, required, 'aria-describedby': hintId, ...attrs},
      options.map(([v, text]) => h('option', {value: v, selected: String(v) === String(value ?? '')}, text)));
  } else if (type === 'textarea') {
    control = h('textarea', {id, name, required, 'aria-describedby': hintId, rows: 3, ...attrs});
    if (value) control.value = value;
  } else if (type === 'checkbox') {
    control = h('input', {id, name, type, checked: !!value, 'aria-describedby': hintId, ...attrs});
    return Object.assign(h('div', {class: 'field check'}, control, h('label', {for: id}, label),
      hint ? h('p', {class: 'hint', id: hintId}, hint) : null), {control});
  } else {
    control = h('input', {id, name, type, required, 'aria-describedby': hintId, ...attrs});
    if (value !== undefined && value !== null) control.value = value;
  }
  return Object.assign(h('div', {class: 'field'}, h('label', {for: id}, label, required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null),
    hint ? h('p', {class: 'hint', id: hintId}, hint) : null, control), {control});
}

/** A button that runs an async action, disabled while it runs. */
export function button(text, action, {kind = 'primary', type = 'button', attrs = {}} = {}) {
  const b = h('button', {type, class: `btn ${kind}`, ...attrs}, text);
  if (action) {
    b.addEventListener('click', async (event) => {
      event.preventDefault();
      if (b.disabled) return;
      b.disabled = true;
      b.setAttribute('aria-busy', 'true');
      try {
        await action(event);
      } finally {
        b.disabled = false;
        b.removeAttribute('aria-busy');
      }
    });
  }
  return b;
}

/** A table with a caption, header row and body rows (arrays of cells). */
export function table(caption, headers, rows, attrs = {}) {
  return h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption},
    h('table', attrs, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))));
}

/** A definition list of [term, description] pairs. */
export function facts(pairs, attrs = {}) {
  return h('dl', {class: 'facts', ...attrs}, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}
