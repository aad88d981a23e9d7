import nodemailer from "nodemailer";
import type { Logger } from "./logger.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The sender's display name, in place of the one MAIL_FROM gives; its address stays. */
  fromName?: string;
}

/** Sends e-mail: over SMTP when configured, otherwise into the log, so a fresh clone works offline. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl?: string | undefined; from: string }, log: Logger): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
        log.info({ to: mail.to, subject: mail.subject }, "mail (no SMTP_URL set, logged instead)");
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      const from = mail.fromName ? { name: mail.fromName, address: addressOf(options.from) } : options.from;
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** The address of a sender written `Name <address>` or as the bare address. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
