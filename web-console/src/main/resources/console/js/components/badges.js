// Small status marks: the text says it (colour only repeats it, for contrast and colour-blind readers).
import {h} from '../dom.js';
import {label} from '../format.js';

const TONES = {
  DRAFT: 'neutral', SUBMITTED: 'info', IN_REVIEW: 'info', RETURNED: 'warn', REJECTED: 'bad', APPROVED: 'good',
  ISSUING: 'info', COMPLETED: 'good', CANCELLED: 'neutral',
  ACTIVE: 'good', SUPERSEDED: 'neutral', SUSPENDED: 'warn', REVOKED: 'bad', EXPIRED: 'bad',
  ON_TIME: 'good', DUE_SOON: 'warn', OVERDUE: 'bad',
  SENT: 'good', PENDING: 'info', RETRYING: 'warn', FAILED: 'bad', SKIPPED: 'neutral',
  PENDING_EMAIL: 'info', PENDING_ACTIVATION: 'info', DISABLED: 'bad', INACTIVE: 'neutral', ENABLED: 'good',
};

export function badge(group, value) {
  return h('span', {class: `badge ${TONES[value] || 'neutral'}`}, label(group, value));
}
