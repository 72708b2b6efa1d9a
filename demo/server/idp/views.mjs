// Server-rendered pages of the Business Account provider. No inline script or style: the CSS is /assets/idp.css,
// the only script (/assets/logout.js) submits the sign-out form. Every interpolated value is escaped by `html`.
// Every page takes `lang` (messages.mjs; English by default) and, for the language switch in the header,
// `switchHref`: the GET path of the page (the switch sets its `lang` parameter). Forms carry the page's language
// in a hidden `lang` field, so the page that answers a post is in the same language.
import { html, SafeHtml } from '../outbox.mjs';
import { MIN_PASSWORD_LENGTH } from './accounts.mjs';
import { MESSAGES, messagesFor } from './messages.mjs';
import { LANGUAGES, withLanguage } from './language.mjs';

// English texts some callers and tests compare with.
export const LOGIN_ERROR = MESSAGES.en.login.error;
export const TOO_MANY_ATTEMPTS = MESSAGES.en.login.tooMany;
export const FORGOT_DONE = MESSAGES.en.forgot.done;
export const PASSWORD_RULE = MESSAGES.en.setPassword.rule(MIN_PASSWORD_LENGTH);

/** The password rule of the pages, in `lang`. */
export function passwordRule(lang) {
  return messagesFor(lang).setPassword.rule(MIN_PASSWORD_LENGTH);
}

function languageSwitch(lang, switchHref) {
  if (!switchHref) return '';
  return LANGUAGES.filter((l) => l !== lang).map((other) => html`<a class="lang-switch" href="${withLanguage(switchHref, other)}" lang="${other}" hreflang="${other}">${MESSAGES[other].language.switchTo}</a>`);
}

const langField = (lang) => html`<input type="hidden" name="lang" value="${lang}">`;

/**
 * @param {{ title: string, body: any, lang?: string, switchHref?: string, script?: string, auto?: boolean }} p
 * @returns {string}
 */
export function layout({ title, body, lang = 'en', switchHref, script, auto = false }) {
  const t = messagesFor(lang);
  return html`<!doctype html>
<html lang="${lang}">
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
<header class="brand"><span><span class="logo" aria-hidden="true">◆</span> Business Account</span>${languageSwitch(lang, switchHref)}</header>
<main class="card">
<h1>${title}</h1>
${body}
</main>
<footer class="foot">${t.layout.footer}</footer>
</body>
</html>`.value;
}

function alert(message, kind = 'error') {
  if (!message) return '';
  return kind === 'error'
    ? html`<div class="alert alert-error" role="alert" id="form-error">${message}</div>`
    : html`<div class="alert alert-info" role="status">${message}</div>`;
}

export function loginPage({ uid, username = '', error, clientName, forgotHref, lang = 'en' }) {
  const t = messagesFor(lang).login;
  return layout({
    title: t.title,
    lang,
    switchHref: `/interaction/${uid}`,
    body: html`
${clientName ? html`<p class="muted">${t.toContinue(clientName)}</p>` : ''}
${alert(error)}
<form method="post" action="/interaction/${uid}/login" class="form" novalidate>
  ${langField(lang)}
  <label for="username">${t.username}</label>
  <input id="username" name="username" type="text" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${username}"${error ? html` aria-describedby="form-error" aria-invalid="true"` : ''} autofocus>
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${error ? html` aria-describedby="form-error" aria-invalid="true"` : ''}>
  <button type="submit" class="btn btn-primary">${t.submit}</button>
</form>
<p class="hint">${t.usernameHint}</p>
<p><a href="${forgotHref}">${t.forgot}</a></p>
<form method="post" action="/interaction/${uid}/abort" class="inline-form">
  <button type="submit" class="btn btn-link">${t.cancel}</button>
</form>`,
  });
}

export function messagePage({ title, message, links = [], status = 'info', lang = 'en', switchHref }) {
  return layout({
    title,
    lang,
    switchHref,
    body: html`
${status === 'error' ? html`<div class="alert alert-error" role="alert">${message}</div>` : html`<p>${message}</p>`}
${links.length ? html`<ul class="links">${links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>` : ''}`,
  });
}

export function forgotPage({ email = '', done = false, error, backHref, lang = 'en' }) {
  const t = messagesFor(lang).forgot;
  return layout({
    title: t.title,
    lang,
    switchHref: backHref ? `/password/forgot?return=${encodeURIComponent(backHref)}` : '/password/forgot',
    body: html`
${done ? html`<div class="alert alert-info" role="status">${t.done}</div>` : html`<p>${t.intro}</p>`}
${alert(error)}
<form method="post" action="/password/forgot" class="form" novalidate>
  ${langField(lang)}
  ${backHref ? html`<input type="hidden" name="return" value="${backHref}">` : ''}
  <label for="email">${t.email}</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${email}">
  <button type="submit" class="btn btn-primary">${done ? t.sendAgain : t.send}</button>
</form>
${backHref ? html`<p><a href="${withLanguage(backHref, lang)}">${t.back}</a></p>` : ''}`,
  });
}

export function setPasswordPage({ title, intro, action, account, error, submitLabel, lang = 'en' }) {
  const t = messagesFor(lang).setPassword;
  return layout({
    title,
    lang,
    switchHref: action,
    body: html`
<p>${intro}</p>
${alert(error)}
<form method="post" action="${action}" class="form" novalidate>
  ${langField(lang)}
  <input type="text" name="username" autocomplete="username" value="${account.username}" hidden readonly>
  <p class="muted">${t.account} <strong>${account.email}</strong></p>
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" aria-describedby="password-rule${error ? ' form-error' : ''}">
  <p class="hint" id="password-rule">${passwordRule(lang)}</p>
  <label for="confirm">${t.confirm}</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
  <button type="submit" class="btn btn-primary">${submitLabel}</button>
</form>`,
  });
}

export function accountPage({ account, csrf, username, error, notice, lang = 'en' }) {
  const t = messagesFor(lang).account;
  const mismatch = account.username.toLowerCase() !== account.email.toLowerCase();
  return layout({
    title: t.title,
    lang,
    switchHref: '/account',
    body: html`
${notice ? alert(notice, 'info') : ''}
${alert(error)}
<dl class="facts">
  <dt>${t.name}</dt><dd>${`${account.firstName} ${account.lastName}`.trim() || '—'}</dd>
  <dt>${t.email}</dt><dd>${account.email}</dd>
  <dt>${t.username}</dt><dd id="current-username">${account.username}</dd>
</dl>
${mismatch ? html`<div class="alert alert-info" role="note">${t.mismatch}</div>
<form method="post" action="/account" class="inline-form">
  ${langField(lang)}
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="useEmail" value="1">
  <button type="submit" class="btn btn-primary">${t.useEmail}</button>
</form>` : ''}
<form method="post" action="/account" class="form" novalidate>
  ${langField(lang)}
  <input type="hidden" name="csrf" value="${csrf}">
  <label for="username">${t.username}</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${username ?? account.username}" aria-describedby="username-hint${error ? ' form-error' : ''}">
  <p class="hint" id="username-hint">${t.usernameHint}</p>
  <button type="submit" class="btn">${t.changeUsername}</button>
</form>
<p><a href="${'/password/forgot'}">${t.changePassword}</a> ${t.changePasswordNote}</p>`,
  });
}

export function logoutPage({ form, clientName, auto, lang = 'en' }) {
  const t = messagesFor(lang).logout;
  return layout({
    title: t.title,
    lang,
    script: '/assets/logout.js',
    auto,
    body: html`
<p>${t.question(clientName)}</p>
${rawHtml(form)}
<div class="actions">
  <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" class="btn btn-primary" id="logout-yes">${t.yes}</button>
  <button type="submit" form="op.logoutForm" class="btn">${t.no}</button>
</div>`,
  });
}

export function errorPage({ title, out = {}, lang = 'en' }) {
  const t = messagesFor(lang).error;
  // oidc-provider's error_description is English protocol text; the advice below is what the person can do.
  const description = out.error_description || t.description;
  return layout({
    title: title ?? t.title,
    lang,
    body: html`
<div class="alert alert-error" role="alert">${description}</div>
<p class="muted">${t.code} <code>${out.error || 'server_error'}</code></p>
<p>${t.advice}</p>`,
  });
}

// The sign-out form is produced by oidc-provider (its values are already escaped there).
function rawHtml(s) { return new SafeHtml(s); }
