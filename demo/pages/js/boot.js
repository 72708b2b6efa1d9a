// Demo convenience only: the reference stack's ports come from environment variables, so the demo pages read
// this origin's settings from /config.json and put them on every <es-provider data-demo-config> before the SDK
// loads. A real host page writes the attributes straight into its HTML (see the README's embed snippet).
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
