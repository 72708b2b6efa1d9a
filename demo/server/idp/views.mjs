// Server-rendered pages of the Business Account provider. No inline script or style: the CSS is /assets/idp.css,
// the only script (/assets/logout.js) submits the sign-out form. Every interpolated value is escaped by `html`.
import { html, SafeHtml } from '../outbox.mjs';
import { MIN_PASSWORD_LENGTH } from './accounts.mjs';

export const LOGIN_ERROR = 'The email address or password is not correct.';
export const TOO_MANY_ATTEMPTS = 'Too many sign-in attempts with this email address. Wait 15 minutes, or reset your password with “Forgot your password?”.';
export const FORGOT_DONE = 'If an account exists for that email, we sent a link to reset the password. The link works once, for 30 minutes. Check your spam folder if it does not arrive in a few minutes.';
export const PASSWORD_RULE = `Use at least ${MIN_PASSWORD_LENGTH} characters. A passphrase of several words is easy to remember and hard to guess.`;

/**
 * @param {{ title: string, body: any, script?: string, bodyAttrs?: any }} p
 * @returns {string}
 */
export function layout({ title, body, script, auto = false }) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Business Account</title>
<link rel="stylesheet" href="/assets/idp.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${script ? html`<script src="${script}" defer></script>` : ''}
</head>
<body${auto ? html` data-auto-submit="true"` : ''}>
<header class="brand"><span class="logo" aria-hidden="true">◆</span> Business Account</header>
<main class="card">
<h1>${title}</h1>
${body}
</main>
<footer class="foot">Demo identity provider · eService Widgets</footer>
</body>
</html>`.value;
}

function alert(message, kind = 'error') {
  if (!message) return '';
  return kind === 'error'
    ? html`<div class="alert alert-error" role="alert" id="form-error">${message}</div>`
    : html`<div class="alert alert-info" role="status">${message}</div>`;
}

export function loginPage({ uid, username = '', error, clientName, forgotHref }) {
  return layout({
    title: 'Sign in',
    body: html`
${clientName ? html`<p class="muted">to continue to ${clientName}</p>` : ''}
${alert(error)}
<form method="post" action="/interaction/${uid}/login" class="form" novalidate>
  <label for="username">Email address (username)</label>
  <input id="username" name="username" type="text" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${username}"${error ? html` aria-describedby="form-error" aria-invalid="true"` : ''} autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${error ? html` aria-describedby="form-error" aria-invalid="true"` : ''}>
  <button type="submit" class="btn btn-primary">Sign in</button>
</form>
<p class="hint">Your username is your email address, unless you changed it in your Business Account.</p>
<p><a href="${forgotHref}">Forgot your password?</a></p>
<form method="post" action="/interaction/${uid}/abort" class="inline-form">
  <button type="submit" class="btn btn-link">Cancel and go back</button>
</form>`,
  });
}

export function messagePage({ title, message, links = [], status = 'info' }) {
  return layout({
    title,
    body: html`
${status === 'error' ? html`<div class="alert alert-error" role="alert">${message}</div>` : html`<p>${message}</p>`}
${links.length ? html`<ul class="links">${links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>` : ''}`,
  });
}

export function forgotPage({ email = '', done = false, error, backHref }) {
  return layout({
    title: 'Forgot your password?',
    body: html`
${done ? html`<div class="alert alert-info" role="status">${FORGOT_DONE}</div>` : html`<p>Type the email address of your Business Account. We will send you a link to choose a new password. One password works for every portal.</p>`}
${alert(error)}
<form method="post" action="/password/forgot" class="form" novalidate>
  ${backHref ? html`<input type="hidden" name="return" value="${backHref}">` : ''}
  <label for="email">Email address</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${email}">
  <button type="submit" class="btn btn-primary">${done ? 'Send the link again' : 'Send me a link'}</button>
</form>
${backHref ? html`<p><a href="${backHref}">Back to sign in</a></p>` : ''}`,
  });
}

export function setPasswordPage({ title, intro, action, account, error, submitLabel }) {
  return layout({
    title,
    body: html`
<p>${intro}</p>
${alert(error)}
<form method="post" action="${action}" class="form" novalidate>
  <input type="text" name="username" autocomplete="username" value="${account.username}" hidden readonly>
  <p class="muted">Business Account: <strong>${account.email}</strong></p>
  <label for="password">New password</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" aria-describedby="password-rule${error ? ' form-error' : ''}">
  <p class="hint" id="password-rule">${PASSWORD_RULE}</p>
  <label for="confirm">Type the new password again</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
  <button type="submit" class="btn btn-primary">${submitLabel}</button>
</form>`,
  });
}

export function accountPage({ account, csrf, username, error, notice }) {
  const mismatch = account.username.toLowerCase() !== account.email.toLowerCase();
  return layout({
    title: 'Your Business Account',
    body: html`
${notice ? alert(notice, 'info') : ''}
${alert(error)}
<dl class="facts">
  <dt>Name</dt><dd>${`${account.firstName} ${account.lastName}`.trim() || '—'}</dd>
  <dt>Email address</dt><dd>${account.email}</dd>
  <dt>Username</dt><dd id="current-username">${account.username}</dd>
</dl>
${mismatch ? html`<div class="alert alert-info" role="note">Your username is not your email address. Support portals expect the email address as the username: use it, and sign in with your email address from now on.</div>
<form method="post" action="/account" class="inline-form">
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="useEmail" value="1">
  <button type="submit" class="btn btn-primary">Use my email address as the username</button>
</form>` : ''}
<form method="post" action="/account" class="form" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${username ?? account.username}" aria-describedby="username-hint${error ? ' form-error' : ''}">
  <p class="hint" id="username-hint">We recommend your email address. 3 to 254 characters, no spaces.</p>
  <button type="submit" class="btn">Change username</button>
</form>
<p><a href="${'/password/forgot'}">Change your password</a> (we email you a link)</p>`,
  });
}

export function logoutPage({ form, clientName, auto }) {
  return layout({
    title: 'Sign out',
    script: '/assets/logout.js',
    auto,
    body: html`
<p>Do you want to sign out of your Business Account${clientName ? html` (you came from ${clientName})` : ''}? You will be signed out of every portal.</p>
${rawHtml(form)}
<div class="actions">
  <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" class="btn btn-primary" id="logout-yes">Yes, sign me out</button>
  <button type="submit" form="op.logoutForm" class="btn">No, stay signed in</button>
</div>`,
  });
}

export function errorPage({ title = 'Something went wrong', out = {} }) {
  const description = out.error_description || 'The request could not be completed.';
  return layout({
    title,
    body: html`
<div class="alert alert-error" role="alert">${description}</div>
<p class="muted">Error code: <code>${out.error || 'server_error'}</code></p>
<p>Go back to the portal and try to sign in again. If it keeps failing, try a private browser window or another browser.</p>`,
  });
}

// The sign-out form is produced by oidc-provider (its values are already escaped there).
function rawHtml(s) { return new SafeHtml(s); }
