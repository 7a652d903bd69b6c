// A first certificate (ISSUANCE): SOP step 5 with the key made in the browser or by the CA; submitting (step 6)
// happens on the request's page.
import {h, button} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {outlet, setFlash} from '../notices.js';
import {navigate} from '../router.js';
import {keyChoice} from '../components/key-choice.js';

export default async function newRequest(main) {
  main.append(h('h1', {}, t('new.title')), h('p', {class: 'lead'}, t('new.lead')));
  const me = await api('/api/v1/applicants/me');
  const keys = keyChoice({commonName: me.fullName, email: me.email});
  const out = outlet();
  main.append(keys, out, h('div', {class: 'actions'}, button(t('request.create'), () => out.run(async () => {
    const created = await api('/api/v1/requests', {method: 'POST', body: {type: 'ISSUANCE', ...keys.result()}});
    setFlash(t('request.created-ok'));
    await navigate(`/permohonan/${created.id}`);
    return null;
  }), {attrs: {id: 'create-request'}})));
}
