// Demo convenience only: the reference stack's ports come from environment variables, so the demo pages read
// this origin's settings from /config.json and put them on every <es-provider data-demo-config> before the SDK
// loads. A real host page writes the attributes straight into its HTML (see the README's embed snippet).

// The language switch of portal.html (buttons [data-demo-locale]) sets es-provider's `locale` the way any host page
// would. The SDK re-renders in it and sends it to the identity provider as `ui_locales`, so the provider's sign-in
// page is in the same language. The choice is kept in localStorage because signing in leaves the page and comes
// back to a fresh load of it, whose HTML says locale="en". Applied before the SDK loads so a reload does not flash
// English.
const LOCALE_KEY = 'es-demo-locale';
const localeButtons = [...document.querySelectorAll('button[data-demo-locale]')];
if (localeButtons.length) {
  const applyLocale = (locale) => {
    for (const provider of document.querySelectorAll('es-provider[data-demo-config]')) provider.setAttribute('locale', locale);
    for (const b of localeButtons) b.setAttribute('aria-pressed', String(b.dataset.demoLocale === locale));
  };
  let stored = null;
  try { stored = localStorage.getItem(LOCALE_KEY); } catch { /* storage blocked: the switch still works for this page */ }
  if (localeButtons.some((b) => b.dataset.demoLocale === stored)) applyLocale(stored);
  for (const b of localeButtons) {
    b.addEventListener('click', () => {
      applyLocale(b.dataset.demoLocale);
      try { localStorage.setItem(LOCALE_KEY, b.dataset.demoLocale); } catch { /* not remembered */ }
    });
  }
}

const response = await fetch('/config.json');
const config = await response.json();
for (const provider of document.querySelectorAll('es-provider[data-demo-config]')) {
  provider.setAttribute('api-url', config.apiUrl);
  provider.setAttribute('authority', config.authority);
  provider.setAttribute('client-id', config.clientId);
  if (config.resource) provider.setAttribute('resource', config.resource);
}
for (const link of document.querySelectorAll('a[data-demo-link]')) {
  const target = config[link.dataset.demoLink];
  if (target) link.href = target;
}
await import('/dist/cdn/eservice-widgets.js');
