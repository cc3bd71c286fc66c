// Helpers for the tests of e-mail: a real SMTP server on loopback, and a small MIME reader.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The decoded plain-text and HTML parts ('' when absent). */
  text: string;
  html: string;
}

export interface SmtpSink {
  port: number;
  /** smtp://… with the sink's user and password. */
  url: string;
  received: ReceivedMail[];
  /** The next message is refused with this SMTP code. */
  refuseNext(code: number, message: string): void;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 (password `pharos`/`s3cret`, no TLS) that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      if (auth.username === 'pharos' && auth.password === 's3cret') done(null, { user: 'pharos' });
      else done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusal) {
          const { code, message } = refusal;
          refusal = null;
          return done(Object.assign(new Error(message), { responseCode: code }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...readMail(raw),
        });
        done();
      });
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://pharos:s3cret@127.0.0.1:${port}`,
    received,
    refuseNext: (code, message) => {
      refusal = { code, message };
    },
    close: () => new Promise<void>((ok) => smtp.close(() => ok())),
  };
}

function decode(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const header = (head: string, name: string) =>
  head
    .match(new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im'))?.[1]
    ?.replace(/\r?\n[ \t]+/g, ' ') ?? '';

/** The subject and the decoded text and HTML parts of a message as nodemailer writes it. */
export function readMail(raw: string): { subject: string; text: string; html: string } {
  const [head = ''] = raw.split(/\r?\n\r?\n/, 1);
  const out = { subject: header(head, 'Subject'), text: '', html: '' };
  const boundary = header(head, 'Content-Type').match(/boundary="?([^";]+)"?/i)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [];
  for (const part of parts.length ? parts : [raw]) {
    const at = part.search(/\r?\n\r?\n/);
    if (at < 0) continue;
    const ph = part.slice(0, at);
    const body = part
      .slice(at)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const type = header(ph, 'Content-Type');
    const text = decode(body, header(ph, 'Content-Transfer-Encoding'));
    if (/^text\/plain/i.test(type)) out.text = text.replace(/\r\n/g, '\n').trimEnd();
    else if (/^text\/html/i.test(type)) out.html = text.replace(/\r\n/g, '\n').trimEnd();
  }
  return out;
}
