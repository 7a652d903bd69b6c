// Every text of the console lives in i18n/<lang>.json (id, en); none in markup or code.
import {assetsBase} from './config.js';

const LANGS = ['id', 'en'];
const STORE = 'sertel.lang'; // the language choice is not a secret, so it may outlive the tab
let lang = 'id';
let texts = {};
const listeners = [];

export function language() {
  return lang;
}

export function otherLanguage() {
  return lang === 'id' ? 'en' : 'id';
}

/** Loads the stored choice (Indonesian by default). */
export async function loadLanguage() {
  const stored = localStorage.getItem(STORE);
  await setLanguage(LANGS.includes(stored) ? stored : 'id', false);
}

export async function setLanguage(next, remember = true) {
  const res = await fetch(`${assetsBase()}/i18n/${next}.json`);
  texts = await res.json();
  lang = next;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem(STORE, next);
  listeners.forEach((fn) => fn(next));
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** The text of a key, with {name} placeholders filled in; a missing key shows itself, so tests catch it. */
export function t(key, params = {}) {
  const text = texts[key];
  if (text === undefined) return `⟦${key}⟧`;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
}

/** Whether a key exists (for optional texts such as enum labels). */
export function has(key) {
  return texts[key] !== undefined;
}
