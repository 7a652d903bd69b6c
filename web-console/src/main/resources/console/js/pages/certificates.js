// The applicant's certificates: status and validity, the certificate (PEM) or with its CA chain to download,
// renewal and revocation.
import {h, button, table} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {badge} from '../components/badges.js';
import {date} from '../format.js';
import {save} from '../download.js';
import {outlet} from '../notices.js';

/** Downloads a certificate as PEM (alone, or with the chain); used here and on the request page. */
export async function downloadCertificate(serial, withChain) {
  const accept = withChain ? 'application/pem-certificate-chain' : 'application/x-pem-file';
  const pem = await api(`/api/v1/certificates/${encodeURIComponent(serial)}`, {accept});
  save(`${serial}${withChain ? '-chain' : ''}.pem`, pem, 'application/x-pem-file');
}

export default async function certificates(main) {
  main.append(h('h1', {}, t('certs.title')));
  const out = outlet();
  const page = await api('/api/v1/certificates?size=100');
  main.append(out);
  if (!page.items.length) {
    main.append(h('p', {}, t('certs.none'), ' ', h('a', {href: '/console/permohonan-baru'}, t('home.request-first'))));
    return;
  }
  main.append(table(t('certs.caption'), [t('certs.serial'), t('certs.status'), t('certs.from'), t('certs.until'), t('certs.actions')],
    page.items.map((c) => [h('code', {}, c.serial), badge('cert', c.status), date(c.notBefore), date(c.notAfter),
      h('div', {class: 'actions compact'},
        button(t('certs.download'), () => out.run(() => downloadCertificate(c.serial, false)), {kind: 'secondary',
          attrs: {'aria-label': t('certs.download-for', {serial: c.serial}), dataset: {serial: c.serial, action: 'pem'}}}),
        button(t('certs.download-chain'), () => out.run(() => downloadCertificate(c.serial, true)), {kind: 'secondary',
          attrs: {'aria-label': t('certs.download-chain-for', {serial: c.serial})}}),
        c.status === 'ACTIVE' ? h('a', {href: `/pembaruan?serial=${encodeURIComponent(c.serial)}`, class: 'btn link'}, t('home.renew')) : null,
        ['ACTIVE', 'SUSPENDED'].includes(c.status)
          ? h('a', {href: `/console/sertifikat/${encodeURIComponent(c.serial)}/pencabutan`, class: 'btn link'}, t('certs.revoke')) : null)])));
  main.append(h('p', {class: 'hint'}, t('certs.key-note')));
}
