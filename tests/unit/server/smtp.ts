import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** One mail the server took (or, while `hold` is on, received but not yet answered). */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/** An answer the server gives once, at the first moment of that kind: greeting, RCPT TO or end of DATA. */
export interface Refusal {
  at: 'connect' | 'rcpt' | 'data';
  code: number;
  message: string;
}

export interface TestSmtp {
  port: number;
  /** `smtp://…` for LADEN_SMTP_URL. */
  url: string;
  /** Mails accepted, in order. */
  received: ReceivedMail[];
  /** Mails whose data arrived, accepted or not (the whole message was on the wire). */
  seen: ReceivedMail[];
  /** RCPT TO addresses offered, refused ones included. */
  recipients: string[];
  /** Sign-ins: user and password. */
  logins: { user: string; password: string }[];
  refuse(...refusals: Refusal[]): void;
  /** While on, the server reads a mail's data and never answers it. */
  hold: boolean;
  close(): Promise<void>;
}

function smtpError(refusal: Refusal): Error {
  return Object.assign(new Error(refusal.message), { responseCode: refusal.code });
}

/** A real SMTP server on loopback (smtp-server), plain text, sign-in optional, scripted refusals. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const refusals: Refusal[] = [];
  const take = (at: Refusal['at']) => (refusals[0]?.at === at ? refusals.shift() : undefined);
  const state = { hold: false };
  const received: ReceivedMail[] = [];
  const seen: ReceivedMail[] = [];
  const recipients: string[] = [];
  const logins: { user: string; password: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onConnect(_session, callback) {
      const refusal = take('connect');
      callback(refusal ? smtpError(refusal) : null);
    },
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      recipients.push(address.address);
      const refusal = take('rcpt');
      callback(refusal ? smtpError(refusal) : null);
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        const mail: ReceivedMail = {
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        };
        seen.push(mail);
        if (state.hold) return;
        const refusal = take('data');
        if (refusal) return callback(smtpError(refusal));
        received.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    received,
    seen,
    recipients,
    logins,
    refuse: (...more) => void refusals.push(...more),
    get hold() {
      return state.hold;
    },
    set hold(on: boolean) {
      state.hold = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
