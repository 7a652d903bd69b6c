// The start page of each role: what needs doing now.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import * as session from '../session.js';
import {badge} from '../components/badges.js';
import {date} from '../format.js';

const OPEN = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'ISSUING'];

function card(title, ...body) {
  return h('section', {class: 'card'}, h('h2', {}, title), ...body);
}

async function applicant(main) {
  const [me, certificates, requests] = await Promise.all([api('/api/v1/applicants/me'), api('/api/v1/certificates?size=50'),
    api('/api/v1/requests?limit=50')]);
  const active = certificates.items.filter((c) => c.status === 'ACTIVE');
  const open = requests.items.filter((r) => OPEN.includes(r.state));
  main.append(h('p', {class: 'lead'}, t('home.hello', {name: me.fullName})),
    card(t('home.certificates'), active.length
      ? h('ul', {}, active.map((c) => h('li', {}, t('home.valid-until', {serial: c.serial, date: date(c.notAfter)}), ' ',
        h('a', {href: `/pembaruan?serial=${encodeURIComponent(c.serial)}`}, t('home.renew')))))
      : h('p', {}, t('home.no-certificate'), ' ', h('a', {href: '/console/permohonan-baru'}, t('home.request-first')))),
    card(t('home.open-requests'), open.length
      ? h('ul', {}, open.map((r) => h('li', {}, h('a', {href: `/permohonan/${r.id}`}, t(`type.${r.type}`)), ' ', badge('state', r.state))))
      : h('p', {}, t('home.no-open-requests'))),
    card(t('nav.my-data'), h('p', {}, me.confirmedVersion === me.dataVersion ? t('home.data-confirmed') : t('home.data-unconfirmed'), ' ',
      h('a', {href: '/console/data'}, t('home.check-data')))));
}

async function officer(main, admin) {
  const [queue, changes] = await Promise.all([api('/api/v1/requests/queue?limit=1'), api('/api/v1/data-changes?size=100')]);
  main.append(
    card(t('nav.queue'), h('p', {}, t('home.queue-count', {n: queue.total}), ' ', h('a', {href: '/console/antrean'}, t('home.open-queue')))),
    card(t('nav.data-changes'), h('p', {}, t('home.changes-count', {n: changes.length < 100 ? changes.length : '100+'}), ' ',
      h('a', {href: '/console/perubahan-data'}, t('home.open-changes')))));
  if (admin) {
    const stuck = await api('/api/v1/requests/stuck');
    main.append(card(t('nav.stuck'), h('p', {}, t('home.stuck-count', {n: stuck.length}), ' ',
      h('a', {href: '/console/admin/macet'}, t('home.open-stuck')))),
    card(t('nav.sop-report'), h('p', {}, h('a', {href: '/console/admin/laporan-sop'}, t('home.open-report')))));
  }
}

export default async function home(main) {
  const role = session.role();
  main.append(h('h1', {}, t('home.title')));
  if (role !== 'APPLICANT' && !session.secondFactor()) {
    main.append(h('div', {class: 'notice warn', role: 'status'}, h('p', {class: 'notice-title'}, t('home.no-otp.title')),
      h('p', {}, t('home.no-otp.detail'), ' ', h('a', {href: '/console/keamanan'}, t('nav.security')))));
  }
  if (role === 'APPLICANT') await applicant(main);
  else await officer(main, role === 'ADMIN');
}
