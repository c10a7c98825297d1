// Child process: the SES v2 emulator (aws-ses-v2-local), with its mailbox kept on disk so a
// restart of `npm start` loses no mail. Usage: node ses-server.cjs <port> <mailbox.jsonl|->
const fs = require('node:fs');
const path = require('node:path');
const store = require('aws-ses-v2-local/dist/store.js');
const server = require('aws-ses-v2-local').default;

const port = Number(process.argv[2]);
const file = process.argv[3] && process.argv[3] !== '-' ? process.argv[3] : undefined;

if (file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) {
    const emails = store.getStoreReadonly().emails;
    for (const line of fs.readFileSync(file, 'utf8').split('\n'))
      if (line.trim()) emails.push(JSON.parse(line));
  }
  // What SES's event destination knows of each accepted mail (its id and tags), written before
  // the answer, as SES holds it: after a crash the runtime reports the sends it never heard of.
  // The runtime passes the tags in a header of its own, which is taken off the stored mail.
  const acceptedFile = path.join(path.dirname(file), 'accepted.jsonl');
  const TAGS_HEADER = 'x-samverkan-ses-tags';
  // Other modules call `store_1.saveEmail(...)` through the exports object at call time.
  const save = store.saveEmail;
  store.saveEmail = (email) => {
    const tags = (email.headers ?? []).find((h) => h.name.toLowerCase() === TAGS_HEADER);
    if (tags) {
      email.headers = email.headers.filter((h) => h !== tags);
      if (email.headers.length === 0) email.headers = undefined;
      const accepted = { messageId: email.messageId, at: Date.now(), request: JSON.parse(tags.value) };
      fs.appendFileSync(acceptedFile, `${JSON.stringify(accepted)}\n`);
    }
    save(email);
    fs.appendFileSync(file, `${JSON.stringify(email)}\n`);
  };
  const clear = store.clearStore;
  store.clearStore = () => {
    clear();
    fs.writeFileSync(file, '');
  };
}

// The mailbox viewer shows a mail's HTML as it is, so images that are parts of the mail
// (`<img src="cid:…">`: the logo, the check-in QR code) would not show. Its page is served with
// `res.sendFile`; this serves it with each cid: replaced by its part's bytes before display. The
// stored mail (and `/store`, which the tests read) keeps the cid: references as SES gets them.
// The emulator's own Express (a dependency of aws-ses-v2-local, not of ours).
const sesDir = path.dirname(require.resolve('aws-ses-v2-local'));
const express = require(require.resolve('express', { paths: [sesDir] }));
const viewerFile = path.join(sesDir, '..', 'static', 'index.html');
const target = 'iframeDoc.body.innerHTML = e.body.html;';
const inlineScript = `<script>
function withInlineImages(e) {
  let html = e.body.html;
  for (const a of e.attachments || []) {
    if (!a.contentId) continue;
    const id = String(a.contentId).replace(/^<|>$/g, '');
    html = html.split('cid:' + id).join('data:' + a.contentType + ';base64,' + a.content);
  }
  return html;
}
</script>`;
let viewerHtml;
const sendFile = express.response.sendFile;
express.response.sendFile = function (file, options, ...rest) {
  if (options?.root && path.resolve(options.root, String(file)) === viewerFile) {
    viewerHtml ??= fs.readFileSync(viewerFile, 'utf8');
    // A viewer that changed shape is served as it is.
    if (viewerHtml.includes(target))
      return this.type('html').send(
        viewerHtml
          .replace('</head>', `${inlineScript}</head>`)
          .replace(target, 'iframeDoc.body.innerHTML = withInlineImages(e);'),
      );
  }
  return sendFile.call(this, file, options, ...rest);
};

// Never outlive the parent, even when it was killed. Started in its own process group, so a
// terminal's Ctrl-C reaches only the parent, which stops this (SIGTERM) once its work is done.
process.on('disconnect', () => process.exit(0));
server({ port, host: '127.0.0.1' }).then((listening) => {
  // Express 5 calls back on a failed listen too; exit code 98 tells the parent the port was taken.
  if (!listening.listening) process.exit(98);
  process.send?.('ready');
});
