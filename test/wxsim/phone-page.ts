/** GET / on the control port: a tiny "phone" to click through a login by hand. */
export const PHONE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>wxsim phone</title>
<style>body{font:14px system-ui;margin:1em;max-width:40em}button{margin:2px}pre{background:#eee;padding:.5em;white-space:pre-wrap}</style>
</head><body>
<h1>wxsim phone</h1>
<p>
<button data-p="scan">Scan</button><button data-p="confirm">Confirm</button>
<button data-p="cancel">Cancel</button><button data-p="expire">Expire</button>
<button data-p="ban">Ban</button><button data-p="kick">Kick</button>
<button data-p="logout">Phone logout</button><button data-p="article">Article</button>
</p>
<p><input id="text" value="Hello from the phone" size="30"><button data-p="message">Send message</button></p>
<pre id="out"></pre>
<script>
const out = document.getElementById('out');
async function call(p) {
  const body = p === 'message' ? JSON.stringify({ text: document.getElementById('text').value }) : '{}';
  const r = await fetch('/phone/' + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  out.textContent = p + ': ' + r.status + ' ' + (await r.text()) + '\\n\\n' + out.textContent;
}
for (const b of document.querySelectorAll('button[data-p]')) b.onclick = () => call(b.dataset.p);
</script>
</body></html>
`;
