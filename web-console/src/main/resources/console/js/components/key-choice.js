// SOP step 5's choice of key: made here in the browser (WebCrypto ECDSA P-256; the private key is saved as an
// encrypted PKCS#8 file and never sent), or made by the CA and collected after approval as a PKCS#12 under a
// passphrase chosen then. result() answers the request body part: {csr} or {keyGeneration}.
import {h, field, button, uid} from '../dom.js';
import {t} from '../i18n.js';
import {newKeyPair, certificationRequest} from '../crypto/csr.js';
import {encryptedPrivateKey} from '../crypto/pkcs8.js';
import {save} from '../download.js';
import {notice} from '../notices.js';

export const MIN_PASSPHRASE = 10;

/** Checks a passphrase and its repetition; answers the text of the problem, or null. */
export function passphraseProblem(passphrase, repeated) {
  if (passphrase.length < MIN_PASSPHRASE) return t('key.passphrase-short', {n: MIN_PASSPHRASE});
  if (passphrase !== repeated) return t('key.passphrase-mismatch');
  return null;
}

function stamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function keyChoice({commonName, email, allowServerKey = true}) {
  const name = uid('key-source');
  let csr = null;
  const browser = h('input', {type: 'radio', name, id: `${name}-browser`, value: 'browser', checked: true});
  const server = h('input', {type: 'radio', name, id: `${name}-server`, value: 'server'});
  const passphrase = field({label: t('key.passphrase'), name: 'key-passphrase', type: 'password', required: true,
    hint: t('key.passphrase-hint', {n: MIN_PASSPHRASE}), attrs: {autocomplete: 'new-password', minlength: MIN_PASSPHRASE}});
  const repeat = field({label: t('key.passphrase-repeat'), name: 'key-passphrase-repeat', type: 'password', required: true,
    attrs: {autocomplete: 'new-password'}});
  const status = h('div', {'aria-live': 'polite', class: 'key-status'});
  const csrView = h('details', {hidden: true}, h('summary', {}, t('key.show-csr')), h('pre', {class: 'pem', id: 'csr-pem'}));
  const make = button(t('key.generate'), async () => {
    status.replaceChildren();
    const problem = passphraseProblem(passphrase.control.value, repeat.control.value);
    if (problem) {
      status.append(notice('error', problem));
      passphrase.control.focus();
      return;
    }
    status.append(h('p', {}, t('key.working')));
    const pair = await newKeyPair();
    const request = await certificationRequest(pair, {commonName, email});
    const file = `kunci-sertel-${stamp()}.pem`;
    save(file, await encryptedPrivateKey(pair.privateKey, passphrase.control.value), 'application/x-pem-file');
    passphrase.control.value = '';
    repeat.control.value = '';
    csr = request;
    csrView.hidden = false;
    csrView.querySelector('pre').textContent = request;
    status.replaceChildren(notice('success', t('key.saved.title', {file}), t('key.saved.detail')));
  }, {kind: 'secondary', attrs: {id: 'generate-key'}});
  const browserPart = h('div', {class: 'key-browser'}, h('p', {class: 'hint'}, t('key.browser-explain')), passphrase, repeat, make, status, csrView);
  const serverPart = h('p', {class: 'hint', hidden: true}, t('key.server-explain'));
  const sync = () => {
    browserPart.hidden = !browser.checked;
    serverPart.hidden = !server.checked;
  };
  browser.addEventListener('change', sync);
  server.addEventListener('change', sync);
  const el = h('fieldset', {class: 'key-choice'}, h('legend', {}, t('key.legend')),
    h('div', {class: 'field check'}, browser, h('label', {for: browser.id}, t('key.browser'))),
    allowServerKey ? h('div', {class: 'field check'}, server, h('label', {for: server.id}, t('key.server'))) : null,
    browserPart, serverPart);
  el.result = () => {
    if (server.checked) return {keyGeneration: {keyType: 'EC_P256'}};
    if (!csr) throw Object.assign(new Error(t('key.not-ready')), {title: t('key.not-ready'), detail: t('key.not-ready-detail')});
    return {csr};
  };
  return el;
}
