// Messages on a page: success, information and the API's problems (title and detail in the user's language).
import {h} from './dom.js';
import {t} from './i18n.js';

export function notice(kind, title, detail) {
  const role = kind === 'error' ? 'alert' : 'status';
  return h('div', {class: `notice ${kind}`, role}, h('p', {class: 'notice-title'}, title), detail ? h('p', {}, detail) : null);
}

/** The notice for a failed call: the problem's title and detail, and each field error. */
export function problem(error) {
  if (!error || error.title === undefined) {
    return notice('error', t('error.generic.title'), error && error.message ? error.message : '');
  }
  const el = notice('error', error.title, error.detail);
  if (error.fieldErrors && error.fieldErrors.length) {
    el.append(h('ul', {}, error.fieldErrors.map((f) => h('li', {}, `${f.field}: ${f.message}`))));
  }
  return el;
}

/** A live region at the top of a page section, where the outcome of an action is announced. */
export function outlet() {
  const el = h('div', {class: 'outlet', 'aria-live': 'polite'});
  el.show = (node) => {
    el.replaceChildren(node);
    node.setAttribute('tabindex', '-1');
    node.focus();
  };
  el.clear = () => el.replaceChildren();
  /** Runs an action; shows its problem if it fails, or the success message it returns. */
  el.run = async (action) => {
    el.clear();
    try {
      const message = await action();
      if (message) el.show(notice('success', message));
      return true;
    } catch (e) {
      el.show(problem(e));
      return false;
    }
  };
  return el;
}

let flash = null;

/** A success message for the next page (after an action that moves on, e.g. a created request). */
export function setFlash(text) {
  flash = text;
}

export function takeFlash() {
  const f = flash;
  flash = null;
  return f;
}
