// The demo outbox as a person reads it: outbox.html on a portal origin (the page the README points to).

/**
 * On `${origin}/outbox.html`: waits for the newest message of `kind` to `to`, opens it and returns its subject,
 * text and links, and the `lang` of its HTML part (from the outbox's JSON, which the page reads too).
 * @param {import('playwright-core').Page} page
 * @param {string} origin a portal origin (the page server serves outbox.html and /api/outbox)
 * @returns {Promise<{ subject: string, text: string, links: string[], htmlLang: string | undefined }>}
 */
export async function openMail(page, origin, to, kind) {
  await page.goto(`${origin}/outbox.html?to=${encodeURIComponent(to)}`);
  const item = page.locator('#ob-items button', { has: page.locator('.ob-kind', { hasText: new RegExp(`^${kind}$`) }) }).first();
  await item.waitFor({ timeout: 15_000 }); // the page polls every 3 s
  await item.click();
  await page.locator('#ob-message:not([hidden])').waitFor();
  await page.waitForFunction(() => document.querySelector('#ob-links')?.children.length > 0);
  const { items } = await (await fetch(`${origin}/api/outbox?to=${encodeURIComponent(to)}&kind=${kind}`)).json();
  return {
    subject: await page.locator('#ob-subject').innerText(),
    text: await page.locator('#ob-text').innerText(),
    links: await page.locator('#ob-links a').evaluateAll((as) => as.map((a) => a.href)),
    htmlLang: /<html[^>]*\blang="([^"]+)"/.exec(items[0]?.html ?? '')?.[1],
  };
}
