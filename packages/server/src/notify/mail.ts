/*
 * E-mail over SMTP (nodemailer). Each message is a `mail` job: it is sent after the transaction
 * that asked for it commits, retried with backoff while the server refuses for now (4xx, a dropped
 * connection), failed at once when it refuses for good (5xx), and not lost to a restart. Should a
 * process die between the server's acceptance and the job's completion, the message is sent again
 * with the same Message-ID, by which mail systems recognise a duplicate.
 */
import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../config';
import type { Tx } from '../db/connect';
import type { Ctx } from '../http/context';
import { enqueue, type JobHandler, PermanentJobError } from '../jobs/runner';

export const MAIL_JOB = 'mail';

const address = z.string().trim().min(3).max(320).includes('@');

/** One message: plain text always (some readers show nothing else), HTML besides when given. */
export const MailMessage = z.object({
  to: z.array(address).min(1).max(100),
  cc: z.array(address).max(100).default([]),
  replyTo: address.optional(),
  subject: z.string().trim().min(1).max(500),
  text: z.string().max(1_000_000),
  html: z.string().max(2_000_000).optional(),
});
export type MailMessage = z.input<typeof MailMessage>;

/**
 * Queues a message in the caller's transaction (sent once it commits). Returns the job's id, or null
 * when e-mail is off (no PHAROS_SMTP_URL).
 */
export async function queueMail(ctx: Ctx, tx: Tx, message: MailMessage, opts: { dedupeKey?: string } = {}) {
  if (!ctx.config.smtpUrl) {
    ctx.log.debug({ subject: message.subject }, 'e-mail is off (no PHAROS_SMTP_URL): message not queued');
    return null;
  }
  return enqueue(tx, {
    kind: MAIL_JOB,
    payload: MailMessage.parse(message),
    maxAttempts: 8,
    ...(opts.dedupeKey ? { dedupeKey: opts.dedupeKey } : {}),
  });
}

/** The SMTP transport PHAROS_SMTP_URL names, or null when e-mail is off. */
export function mailTransport(config: Config): Transporter | null {
  if (!config.smtpUrl) return null;
  return nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom });
}

/** Sends a `mail` job's message through `transport`. */
export function mailHandler(transport: Transporter): JobHandler {
  return async (job) => {
    const parsed = MailMessage.safeParse(job.payload);
    if (!parsed.success)
      throw new PermanentJobError(`not a mail message: ${parsed.error.issues[0]?.message}`);
    const m = parsed.data;
    try {
      const info = await transport.sendMail({
        to: m.to,
        cc: m.cc,
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        messageId: `<${job.id}@pharos>`,
      });
      job.log.info({ to: m.to.length + m.cc.length, response: info.response }, 'e-mail sent');
    } catch (err) {
      const e = err as NodemailerError;
      const why = `SMTP: ${e.response ?? e.message}`;
      // A refusal for good (5xx but 503): sending the same message again would be refused again.
      if (e.permanent) throw new PermanentJobError(why);
      throw new Error(why);
    }
  };
}
