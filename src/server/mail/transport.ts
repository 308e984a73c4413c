import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

/** A mail as it leaves the outbox. */
export interface OutgoingMail {
  /** The outbox row's id: the Message-ID is made from it, so every copy of one mail carries the same. */
  id: string;
  to: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
}

/** Why a mail did not go out, and whether trying again later can help. */
export class MailSendError extends Error {
  override name = 'MailSendError';
  constructor(
    message: string,
    /** 4xx answers and no answer at all (connection refused, timeout): yes. 5xx: no. */
    readonly temporary: boolean,
  ) {
    super(message);
  }
}

export interface MailTransport {
  /** For the start-up log; never contains a password. */
  readonly description: string;
  /** Resolves with the server's answer (or where the file went); throws MailSendError. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export interface MailSettings {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…`; absent: .eml files. */
  smtpUrl?: string;
  /** The sender, e.g. `Laden <bestellung@example.de>`. */
  from: string;
  /** Where .eml files go without an SMTP server. */
  fileDir: string;
}

export const DEFAULT_FROM = 'Laden <laden@localhost>';

/** The mail settings from the environment (documented in the README). */
export function mailSettingsFromEnv(fileDir: string, env = process.env): MailSettings {
  const smtpUrl = env['LADEN_SMTP_URL']?.trim();
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    from: env['LADEN_MAIL_FROM']?.trim() || DEFAULT_FROM,
    fileDir,
  };
}

/** The address without its password, for logs. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'smtp://(unreadable address)';
  }
}

/** Shopper-supplied text that goes into a header: on one line, whatever was typed or pasted. */
export const oneLine = (text: string): string =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The domain the Message-IDs are made in: the sender's. */
function messageIdDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'laden.invalid';
}

/** `<id@domain>`: stable for an outbox row, so a mail client folds a second copy of the same mail. */
export const messageIdOf = (id: string, from: string) => `<${id}@${messageIdDomain(from)}>`;

function message(mail: OutgoingMail, from: string): Mail.Options {
  const to = { name: oneLine(mail.toName), address: oneLine(mail.to) };
  return {
    from,
    to,
    // The envelope names the one recipient explicitly: nothing in a header can add another.
    envelope: { from, to: [to.address] },
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId: messageIdOf(mail.id, from),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

function failure(error: unknown): MailSendError {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const answer = e.response?.trim() || [e.code, e.message].filter(Boolean).join(': ') || String(error);
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return new MailSendError(answer, !permanent);
}

function smtpTransport(settings: MailSettings & { smtpUrl: string }): MailTransport {
  const transporter = nodemailer.createTransport({
    url: settings.smtpUrl,
    // A hung server must not hold the sender (nor outlast its claim on the mail).
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    description: `SMTP ${redactSmtpUrl(settings.smtpUrl)}, Absender ${settings.from}`,
    async send(mail) {
      try {
        const info = (await transporter.sendMail(message(mail, settings.from))) as { response?: string };
        return info.response ?? 'accepted';
      } catch (error) {
        throw failure(error);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * Without an SMTP server every mail is written as an RFC 5322 message (CRLF line ends, both parts,
 * the same headers SMTP would carry) into `fileDir`, one `.eml` file per sending: readable by any
 * mail program. Written to a temporary name and renamed, so a reader never sees half a file.
 */
function fileTransport(settings: MailSettings): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `keine SMTP-Verbindung (LADEN_SMTP_URL); E-Mails werden als .eml-Dateien in ${settings.fileDir} abgelegt`,
    async send(mail) {
      const info = await transporter.sendMail(message(mail, settings.from));
      await mkdir(settings.fileDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`;
      const path = join(settings.fileDir, name);
      await writeFile(`${path}.tmp`, info.message as Buffer);
      await rename(`${path}.tmp`, path);
      return `written to ${path}`;
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(settings: MailSettings): MailTransport {
  return settings.smtpUrl ? smtpTransport({ ...settings, smtpUrl: settings.smtpUrl }) : fileTransport(settings);
}
