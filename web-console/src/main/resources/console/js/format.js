// Dates, times and durations in the user's language; times in Asia/Jakarta (WIB), as the office works.
import {language, t, has} from './i18n.js';

const ZONE = 'Asia/Jakarta';

function locale() {
  return language() === 'en' ? 'en-GB' : 'id-ID';
}

export function dateTime(iso) {
  if (!iso) return '—';
  const text = new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE}).format(new Date(iso));
  return `${text} WIB`;
}

export function date(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeZone: ZONE}).format(new Date(iso));
}

/** 75 → "1 mnt 15 dtk" / "1 min 15 s"; days and hours for long ones. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return t('unit.seconds', {n: s});
  const d = Math.floor(s / 86400);
  const hrs = Math.floor((s % 86400) / 3600);
  const min = Math.floor((s % 3600) / 60);
  if (d > 0) return `${t('unit.days', {n: d})} ${t('unit.hours', {n: hrs})}`;
  if (hrs > 0) return `${t('unit.hours', {n: hrs})} ${t('unit.minutes', {n: min})}`;
  const rest = s % 60;
  return rest ? `${t('unit.minutes', {n: min})} ${t('unit.seconds', {n: rest})}` : t('unit.minutes', {n: min});
}

/** The label of an enum value, e.g. label('state', 'IN_REVIEW'); the raw value when no text exists. */
export function label(group, value) {
  if (value === null || value === undefined) return '—';
  const key = `${group}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** A datetime-local input value for now, in Jakarta time. */
export function jakartaLocalNow() {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(new Date());
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read as Jakarta time (UTC+7, no daylight saving) → ISO-8601 with offset. */
export function fromJakartaLocal(value) {
  return value ? `${value}:00+07:00` : null;
}
