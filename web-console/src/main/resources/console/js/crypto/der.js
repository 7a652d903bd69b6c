// A small DER encoder (ITU-T X.690), enough for a PKCS#10 request and an encrypted PKCS#8 key: each function
// answers the complete encoding (tag, length, content) as a Uint8Array.

export function concat(parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  parts.forEach((p) => { out.set(p, at); at += p.length; });
  return out;
}

function length(n) {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag, content) {
  return concat([Uint8Array.of(tag), length(content.length), content]);
}

export function sequence(...items) {
  return tlv(0x30, concat(items));
}

function compare(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/** SET OF: DER wants the elements sorted by their encodings. */
export function set(...items) {
  return tlv(0x31, concat([...items].sort(compare)));
}

/** A non-negative INTEGER from a number or from big-endian unsigned bytes, in its shortest form. */
export function integer(value) {
  let bytes;
  if (typeof value === 'number') {
    const list = [];
    for (let v = value; v > 0; v = Math.floor(v / 256)) list.unshift(v & 0xff);
    bytes = Uint8Array.from(list.length ? list : [0]);
  } else {
    bytes = value;
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  bytes = bytes.subarray(start);
  if (bytes[0] & 0x80) bytes = concat([Uint8Array.of(0), bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted) {
  const arcs = dotted.split('.').map(Number);
  const out = [40 * arcs[0] + arcs[1]];
  arcs.slice(2).forEach((arc) => {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  });
  return tlv(0x06, Uint8Array.from(out));
}

export function nullValue() {
  return Uint8Array.of(0x05, 0x00);
}

export function octetString(bytes) {
  return tlv(0x04, bytes);
}

/** BIT STRING of whole bytes (no unused bits). */
export function bitString(bytes) {
  return tlv(0x03, concat([Uint8Array.of(0), bytes]));
}

export function utf8String(text) {
  return tlv(0x0c, new TextEncoder().encode(text));
}

export function ia5String(text) {
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error('IA5String must be ASCII');
  return tlv(0x16, new TextEncoder().encode(text));
}

/** [n] EXPLICIT or a constructed [n] IMPLICIT (e.g. the attributes of a CSR). */
export function contextConstructed(n, content) {
  return tlv(0xa0 | n, content);
}

/** [n] IMPLICIT of a primitive type (e.g. rfc822Name [1] IA5String). */
export function contextPrimitive(n, bytes) {
  return tlv(0x80 | n, bytes);
}

export function pem(label, der) {
  let b64 = '';
  for (let i = 0; i < der.length; i += 0x8000) b64 += String.fromCharCode(...der.subarray(i, i + 0x8000));
  b64 = btoa(b64);
  const lines = b64.match(/.{1,64}/g).join('\n');
  return `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`;
}
