// Verifies webhooks with the reference implementation of Standard Webhooks (npm package "standardwebhooks"), independent
// of sertel's Java signer. Input (argv[2]): {"messages":[{"secret","headers":{webhook-id,webhook-timestamp,webhook-signature},
// "body","receivedAtMillis","label"}]}. The timestamp tolerance (5 min) is checked against receivedAtMillis, the test
// clock's time when the receiver got the request. Prints one line per message; exits 0 when every message verifies, 1 otherwise.
const { Webhook } = require('standardwebhooks');
const fs = require('fs');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const realNow = Date.now;
let failed = 0;
for (const m of input.messages) {
  Date.now = () => m.receivedAtMillis;
  try {
    const payload = new Webhook(m.secret).verify(m.body, m.headers);
    console.log(`verified ${m.headers['webhook-id']} ${payload.type} ${m.label}`);
  } catch (e) {
    failed++;
    console.log(`REJECTED ${m.headers['webhook-id']} (${e.message}) ${m.label}`);
  } finally {
    Date.now = realNow;
  }
}
process.exit(failed === 0 ? 0 : 1);
