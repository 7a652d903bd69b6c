// Every page of the console: its address, its module in pages/, who may open it, and its place in the menu.
// To add a page: write pages/<name>.js exporting
// `default async function (main, params, query)`, add its texts to both i18n files, and add a line here
// with `menu: 'nav.<name>'` for the admin menu. Nothing else needs to know about it.

const APPLICANT = ['APPLICANT'];
const OFFICERS = ['VERIFIER', 'ADMIN'];
const ADMIN = ['ADMIN'];
const ANYONE = ['APPLICANT', 'VERIFIER', 'ADMIN'];

export const routes = [
  {path: '/console', page: 'home', roles: ANYONE, menu: 'nav.home'},
  {path: '/console/callback', page: 'callback', public: true},
  // applicants
  {path: '/console/data', page: 'my-data', roles: APPLICANT, menu: 'nav.my-data'},
  {path: '/console/data/perubahan', page: 'data-change', roles: APPLICANT},
  {path: '/console/sertifikat', page: 'certificates', roles: APPLICANT, menu: 'nav.certificates'},
  {path: '/console/sertifikat/:serial/pencabutan', page: 'revocation', roles: APPLICANT},
  {path: '/console/permohonan-baru', page: 'new-request', roles: APPLICANT},
  {path: '/permohonan', page: 'my-requests', roles: APPLICANT, menu: 'nav.my-requests'},
  {path: '/permohonan/:id', page: 'request-status', roles: ANYONE},
  {path: '/pembaruan', page: 'renewal', roles: APPLICANT},
  {path: '/console/notifikasi', page: 'notifications', roles: APPLICANT, menu: 'nav.notifications'},
  // verifiers (admins too)
  {path: '/console/antrean', page: 'review-queue', roles: OFFICERS, menu: 'nav.queue'},
  {path: '/console/tinjau/:id', page: 'review', roles: OFFICERS},
  {path: '/console/perubahan-data', page: 'data-change-queue', roles: OFFICERS, menu: 'nav.data-changes'},
  {path: '/console/perubahan-data/:id', page: 'data-change-review', roles: OFFICERS},
  {path: '/console/pemohon', page: 'applicant-search', roles: OFFICERS, menu: 'nav.applicants'},
  // admins
  {path: '/console/admin/instansi', page: 'institutions', roles: ADMIN, menu: 'nav.institutions'},
  {path: '/console/admin/petugas', page: 'officers', roles: ADMIN, menu: 'nav.officers'},
  {path: '/console/admin/macet', page: 'stuck-requests', roles: ADMIN, menu: 'nav.stuck'},
  {path: '/console/admin/laporan-sop', page: 'sop-report', roles: ADMIN, menu: 'nav.sop-report'},
  {path: '/console/admin/log-pengiriman', page: 'delivery-log', roles: ADMIN, menu: 'nav.delivery-log'},
  {path: '/console/admin/integrasi', page: 'integrations', roles: ADMIN, menu: 'nav.integrations'},
  // anyone signed in
  {path: '/console/keamanan', page: 'security', roles: ANYONE, menu: 'nav.security'},
  // the pages of mailed links that need no login
  {path: '/konfirmasi-email', page: 'email-confirmation', public: true},
  {path: '/reset-kata-sandi', page: 'password-reset', public: true},
];

/** The route and its parameters for a path, or null. */
export function match(pathname) {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const route of routes) {
    const names = [];
    const pattern = new RegExp(`^${route.path.replace(/:(\w+)/g, (m, name) => { names.push(name); return '([^/]+)'; })}$`);
    const found = clean.match(pattern);
    if (found) {
      const params = {};
      names.forEach((name, i) => { params[name] = decodeURIComponent(found[i + 1]); });
      return {route, params};
    }
  }
  return null;
}
