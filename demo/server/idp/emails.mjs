// Emails the identity provider sends (built here, delivered to the outbox). Every value is escaped by emailLayout.
// `lang` (messages.mjs) is the language of the request that caused the email: the email is written in it and its
// link carries it (`?lang=fi`), so the page the link opens is in the same language. Without `lang`: English, and
// the link is left as it is (the page then picks the language itself).
import { emailLayout } from '../outbox.mjs';
import { messagesFor } from './messages.mjs';
import { withLanguage } from './language.mjs';

function localised(link, lang) {
  if (!lang) return link;
  const u = new URL(link);
  return `${u.origin}${withLanguage(`${u.pathname}${u.search}`, lang)}`;
}

/**
 * Sends the activation email (kind 'activation') with the set-password link. Returns the outbox promise.
 * @param {{ lang?: string }} [options]
 */
export function sendActivationEmail(outbox, account, link, { lang } = {}) {
  const m = messagesFor(lang);
  const t = m.email.activation;
  const url = localised(link, lang);
  const name = account.firstName || account.email;
  const text = `${m.email.hello(name)}

${t.created(account.email)}

${t.setText}
${url}

${t.after}
${t.ignore}`;
  return outbox.send({
    to: account.email,
    kind: 'activation',
    subject: t.subject,
    text,
    html: emailLayout({
      lang,
      heading: t.heading,
      paragraphs: [m.email.hello(name), t.created(account.email), t.setHtml],
      action: { url, label: t.action },
      copyHint: m.email.copyHint,
      footer: t.ignore,
    }),
  });
}

/**
 * Sends the password-reset email (kind 'password-reset'). Returns the outbox promise.
 * @param {{ lang?: string }} [options]
 */
export function sendPasswordResetEmail(outbox, account, link, { lang } = {}) {
  const m = messagesFor(lang);
  const t = m.email.reset;
  const url = localised(link, lang);
  const name = account.firstName || account.email;
  const text = `${m.email.hello(name)}

${t.asked(account.email)}
${t.username(account.username)}

${t.chooseText}
${url}

${t.onePassword} ${t.ignore}`;
  return outbox.send({
    to: account.email,
    kind: 'password-reset',
    subject: t.subject,
    text,
    html: emailLayout({
      lang,
      heading: t.heading,
      paragraphs: [m.email.hello(name), `${t.asked(account.email)} ${t.username(account.username)}`, t.lifetimeHtml],
      action: { url, label: t.action },
      copyHint: m.email.copyHint,
      footer: t.ignore,
    }),
  });
}
