/*
 * The e-mails notifications become: one notification at once, or the daily digest grouped by kind.
 * Plain text always (some readers show nothing else) and simple HTML with inline styles (mail
 * readers ignore style sheets). Links are absolute when PHAROS_PUBLIC_URL is set, else the path.
 */
import type { Config } from '../config';

export interface MailParts {
  subject: string;
  text: string;
  html: string;
}

/** The address of an app path for an e-mail, or null without PHAROS_PUBLIC_URL. */
export function absoluteLink(config: Pick<Config, 'publicUrl'>, path: string): string | null {
  if (!path || !config.publicUrl) return null;
  return `${config.publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const font = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2937';
const linkStyle = 'color:#1c3d6e';

/** A paragraph's text with its line breaks kept. */
const paragraphs = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

function htmlLink(config: Config, path: string, label: string): string {
  const url = absoluteLink(config, path);
  if (url) return `<a href="${escapeHtml(url)}" style="${linkStyle}">${escapeHtml(label)}</a>`;
  return path
    ? `${escapeHtml(label)} <span style="color:#6b7280">(${escapeHtml(path)})</span>`
    : escapeHtml(label);
}

function textLink(config: Config, path: string): string {
  return absoluteLink(config, path) ?? path;
}

const page = (inner: string) =>
  `<!doctype html><html><body style="${font};font-size:14px;line-height:1.5"><div style="max-width:640px">${inner}</div></body></html>`;

const footer = (config: Config) =>
  `<p style="color:#6b7280;font-size:12px;margin-top:24px">— Pharos · ${htmlLink(
    config,
    '/notifications/preferences',
    'Choose what you receive',
  )}</p>`;

/** The e-mail of one notification sent at once. */
export function notificationMail(
  config: Config,
  n: { title: string; body: string; link: string },
): MailParts {
  const url = textLink(config, n.link);
  const text = [
    n.body,
    url ? `${absoluteLink(config, n.link) ? 'Open in Pharos' : 'In Pharos'}: ${url}` : '',
    '— Pharos',
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = page(
    [
      `<p style="font-size:16px;font-weight:600;margin:0 0 8px">${htmlLink(config, n.link, n.title)}</p>`,
      n.body ? `<p style="margin:0 0 8px">${paragraphs(n.body)}</p>` : '',
      footer(config),
    ].join(''),
  );
  return { subject: `[Pharos] ${n.title}`, text, html };
}

export interface DigestItem {
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

export interface DigestGroup {
  label: string;
  items: DigestItem[];
}

/** "Mon 3 Mar, 14:05" on the organization's clock. */
function when(config: Config, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: config.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The daily digest: every waiting notification, grouped by kind, each with its link. */
export function digestMail(config: Config, name: string, groups: DigestGroup[]): MailParts {
  const total = groups.reduce((s, g) => s + g.items.length, 0);
  const subject = `[Pharos] Your daily digest: ${total} notification${total === 1 ? '' : 's'}`;
  const intro = `Hello ${name}, here is what Pharos has for you since your last digest.`;
  const text: string[] = [intro, ''];
  for (const g of groups) {
    text.push(`${g.label} (${g.items.length})`, '-'.repeat(g.label.length + 4));
    for (const i of g.items) {
      text.push(`* ${i.title} — ${when(config, i.createdAt)}`);
      if (i.body) text.push(...i.body.split(/\r?\n/).map((l) => `  ${l}`));
      const url = textLink(config, i.link);
      if (url) text.push(`  ${url}`);
    }
    text.push('');
  }
  text.push(`All your notifications: ${textLink(config, '/notifications')}`);
  text.push(`Choose what you receive: ${textLink(config, '/notifications/preferences')}`);
  text.push('', '— Pharos');

  const sections = groups.map(
    (g) =>
      `<h2 style="font-size:15px;margin:20px 0 6px;color:#1c3d6e">${escapeHtml(g.label)} <span style="color:#6b7280;font-weight:400">(${g.items.length})</span></h2>` +
      `<ul style="margin:0;padding-left:20px">${g.items
        .map(
          (i) =>
            `<li style="margin:0 0 8px">${htmlLink(config, i.link, i.title)} <span style="color:#6b7280;font-size:12px">${escapeHtml(when(config, i.createdAt))}</span>` +
            (i.body ? `<br><span style="color:#374151">${paragraphs(i.body)}</span>` : '') +
            '</li>',
        )
        .join('')}</ul>`,
  );
  const html = page(
    `<p style="margin:0 0 8px">${escapeHtml(intro)}</p>${sections.join('')}` +
      `<p style="margin-top:20px">${htmlLink(config, '/notifications', 'All your notifications')}</p>${footer(config)}`,
  );
  return { subject, text: text.join('\n'), html };
}
