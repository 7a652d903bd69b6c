// Back from the login page: the code is exchanged for tokens (with the PKCE verifier), then on to where the person was going.
import {h, button} from '../dom.js';
import {t} from '../i18n.js';
import * as session from '../session.js';
import {navigate} from '../router.js';
import {notice} from '../notices.js';

export default async function callback(main, params, query) {
  main.append(h('h1', {}, t('callback.title')));
  try {
    const next = await session.completeLogin(query);
    await navigate(next, {replace: true});
  } catch (e) {
    main.append(notice('error', t('callback.failed'), e.problem ? e.problem.detail || e.problem.title : t('callback.failed-detail')),
      button(t('callback.again'), () => session.login('/console')));
  }
}
