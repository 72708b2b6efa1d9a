// Emails the identity provider sends (built here, delivered to the outbox). Every value is escaped by emailLayout.
import { emailLayout } from '../outbox.mjs';

/** Sends the activation email (kind 'activation') with the set-password link. Returns the outbox promise. */
export function sendActivationEmail(outbox, account, link) {
  const name = account.firstName || account.email;
  const text = `Hello ${name},

a Business Account was created for ${account.email}. Your username is your email address.

Set your password to activate it (the link works once, for 7 days):
${link}

After that, sign in to the support portal with your email address and the new password.
If you did not ask for this, you can ignore this email.`;
  return outbox.send({
    to: account.email,
    kind: 'activation',
    subject: 'Activate your Business Account',
    text,
    html: emailLayout({
      heading: 'Activate your Business Account',
      paragraphs: [
        `Hello ${name},`,
        `a Business Account was created for ${account.email}. Your username is your email address.`,
        'Set your password to activate it. The link works once, for 7 days.',
      ],
      action: { url: link, label: 'Set my password' },
      footer: 'If you did not ask for this, you can ignore this email.',
    }),
  });
}

/** Sends the password-reset email (kind 'password-reset'). Returns the outbox promise. */
export function sendPasswordResetEmail(outbox, account, link) {
  const name = account.firstName || account.email;
  const text = `Hello ${name},

someone asked to reset the password of the Business Account ${account.email}.
Your username is ${account.username}.

Choose a new password here (the link works once, for 30 minutes):
${link}

One password works for every portal. If you did not ask for this, ignore this email: your password stays the same.`;
  return outbox.send({
    to: account.email,
    kind: 'password-reset',
    subject: 'Reset your Business Account password',
    text,
    html: emailLayout({
      heading: 'Reset your password',
      paragraphs: [
        `Hello ${name},`,
        `someone asked to reset the password of the Business Account ${account.email}. Your username is ${account.username}.`,
        'The link works once, for 30 minutes. One password works for every portal.',
      ],
      action: { url: link, label: 'Choose a new password' },
      footer: 'If you did not ask for this, ignore this email: your password stays the same.',
    }),
  });
}
