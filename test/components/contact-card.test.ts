import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EsContactCard } from '../../src/components/contact-card/contact-card.js';
import { detectCountry, telHref } from '../../src/components/contact-card/detect-country.js';
import { ApiError } from '../../src/core/errors.js';
import type { Contacts, OpeningHours } from '../../src/core/models.js';
import { cleanup, fakeApi, mountWith } from '../helpers/fakes.js';
import { waitFor } from '../helpers/wait.js';

EsContactCard.define();

const weekdays = (open: string, close: string): OpeningHours[] => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }));
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

const contacts: Contacts = {
  centres: [
    { id: 'hel', name: 'Helsinki Support Centre', timeZone: 'Europe/Helsinki', hours: weekdays('08:00', '17:00'),
      holidays: [{ date: '2026-04-03', name: 'Good Friday' }], email: 'support.fi@example.com' },
    { id: 'nyc', name: 'New York Support Centre', timeZone: 'America/New_York', hours: [...weekdays('08:00', '20:00'), { day: 6, open: '10:00', close: '14:00' }],
      holidays: [], email: 'support.us@example.com' },
    { id: 'sgp', name: 'Singapore Support Centre', timeZone: 'Asia/Singapore', hours: weekdays('09:00', '18:00'), holidays: [], email: 'support.apac@example.com' },
  ],
  countries: [
    { country: 'FI', countryName: 'Finland', phone: '+358 9 2520 0700', centreId: 'hel', languages: ['fi', 'sv', 'en'] },
    { country: 'SE', countryName: 'Sweden', phone: '+46 8 5000 1200', centreId: 'hel', languages: ['sv', 'en'] },
    { country: 'US', countryName: 'United States', phone: '+1 (212) 555-0199', centreId: 'nyc', languages: ['en', 'es'] },
    { country: 'SG', countryName: 'Singapore', phone: '+65 6800 1234', centreId: 'sgp', languages: ['en', 'zh'] },
  ],
  emergency: [{ label: 'Critical cases, 24/7, worldwide', phone: '+358 9 2520 0999', severities: ['critical'] }],
  escalation: [
    { level: 3, name: 'Head of customer support', when: 'Production is down.', contact: '+358 9 2520 0990', responseTime: '1 hour, 24/7' },
    { level: 1, name: 'Duty manager', when: 'Not progressing.', contact: 'Ask for escalation in the case', responseTime: '4 business hours' },
    { level: 2, name: 'Support operations manager', when: 'Impact growing.', contact: 'escalations@example.com', responseTime: '2 business hours' },
  ],
};

const sr = (el: HTMLElement) => el.shadowRoot!;
async function mountCard(attrs: string, now: number | undefined, api = fakeApi({ getContacts: async () => contacts })) {
  const el = document.createElement('div');
  el.innerHTML = `<es-contact-card ${attrs}></es-contact-card>`;
  const card = el.firstElementChild as EsContactCard;
  if (now !== undefined) card.now = now;
  const mounted = await mountWith<EsContactCard>(card, { api });
  await waitFor(() => sr(mounted).querySelector('[part~="status"], [part="error"], [part="empty"]'));
  return mounted;
}
const statusText = (el: HTMLElement) => sr(el).querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();

describe('es-contact-card', () => {
  afterEach(cleanup);

  it('is accessible', async () => {
    const el = await mountCard('country="FI" local-time-zone="America/New_York"', utc(2026, 3, 18, 8, 30));
    await expect(el).to.be.accessible();
  });

  it('shows the fixed country with a tel: link and "Open now, closes at 17:00" in the centre\'s zone', async () => {
    const el = await mountCard('country="FI" local-time-zone="Europe/Helsinki"', utc(2026, 3, 18, 8, 30)); // Wed 10:30 EET
    const phone = sr(el).querySelector<HTMLAnchorElement>('[part="line"] [part="phone-link"]')!;
    expect(phone.textContent).to.equal('+358 9 2520 0700');
    expect(phone.getAttribute('href')).to.equal('tel:+358925200700');
    expect(statusText(el)).to.equal('Open now, closes at 17:00');
    expect(sr(el).querySelector('[part~="status"]')!.getAttribute('part')).to.contain('status-open');
    expect(sr(el).querySelector<HTMLSelectElement>('[part="country-select"]')!.value).to.equal('FI');
    // Same zone as the user: one time column.
    expect(sr(el).querySelectorAll('[part="hours"] thead th')).to.have.length(2);
  });

  it('shows hours in the centre\'s time and in the user\'s local time', async () => {
    const el = await mountCard('country="FI" local-time-zone="America/New_York"', utc(2026, 3, 18, 8, 30));
    const rows = [...sr(el).querySelectorAll('[part="hours"] tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(7);
    expect(rows[0]).to.deep.equal(['Monday', '08:00–17:00', '02:00–11:00']); // EET → EDT (New York already on summer time)
    expect(rows[5]).to.deep.equal(['Saturday', 'Closed', '—']);
    expect(sr(el).querySelector('tr[aria-current="date"] th')!.textContent).to.equal('Wednesday');
    expect(statusText(el)).to.equal('Open now, closes at 17:00 · 11:00 your time');
  });

  it('after closing on Friday says "Closed, opens Monday 08:00" with the time until then', async () => {
    const el = await mountCard('country="FI" local-time-zone="Europe/Helsinki"', utc(2026, 3, 27, 16)); // Fri 18:00 EET
    expect(statusText(el)).to.match(/^Closed, opens Monday 08:00 \(in 3 days\)$/);
    const sgp = await mountCard('country="SG" local-time-zone="Asia/Singapore"', utc(2026, 3, 19, 12)); // Thu 20:00 SGT
    expect(statusText(sgp)).to.match(/^Closed, opens tomorrow 09:00 \(in 13 hr\.?\)$/);
  });

  it('on a holiday says so and when it opens', async () => {
    const el = await mountCard('country="FI" local-time-zone="Europe/Helsinki"', utc(2026, 4, 3, 7)); // Good Friday 10:00
    expect(statusText(el)).to.match(/^Closed today: Good Friday\. Opens Monday 08:00 \(in 3 days\)$/);
    const friday = [...sr(el).querySelectorAll('[part="hours"] tbody tr')].find((r) => r.querySelector('th')!.textContent === 'Friday')!;
    expect(friday.querySelector('td')!.textContent).to.equal('Closed (Good Friday)');
  });

  it('switches country with the picker (keyboard-operable select) and uses that centre', async () => {
    const el = await mountCard('country="FI" local-time-zone="America/New_York"', utc(2026, 3, 18, 8, 30)); // 04:30 EDT
    const select = sr(el).querySelector<HTMLSelectElement>('[part="country-select"]')!;
    select.value = 'US';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(sr(el).querySelector('[part="line"] [part="phone-link"]')!.getAttribute('href')).to.equal('tel:+12125550199');
    expect(statusText(el)).to.equal('Closed, opens at 08:00 (in 4 hr)'.replace('hr', sr(el).querySelector('[part~="status"]')!.textContent!.includes('hr.') ? 'hr.' : 'hr'));
    expect(sr(el).querySelector('[part="line"]')!.textContent).to.contain('New York Support Centre');
  });

  it('works with the keyboard alone: Tab to the picker, arrows change the country', async () => {
    const el = await mountCard('country="FI" local-time-zone="Europe/Helsinki"', utc(2026, 3, 18, 8, 30));
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const select = sr(el).querySelector<HTMLSelectElement>('[part="country-select"]')!;
    expect(sr(el).activeElement).to.equal(select);
    // Options are sorted by name: Finland, Singapore, Sweden, United States.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select.value).to.equal('SG');
    expect(sr(el).querySelector('[part="line"] [part="phone-link"]')!.textContent).to.equal('+65 6800 1234');
    await sendKeys({ press: 'Tab' });
    expect(sr(el).activeElement).to.equal(sr(el).querySelector('[part="line"] [part="phone-link"]'));
    before.remove();
  });

  it('lists the 24/7 lines, the escalation path in order, and links to the documents', async () => {
    const el = await mountCard('country="FI" documents-href="/support/docs"', utc(2026, 3, 18, 8, 30));
    const emergency = sr(el).querySelector('[part="emergency"]')!;
    expect(emergency.textContent).to.contain('Critical cases, 24/7, worldwide');
    expect(emergency.querySelector('a')!.getAttribute('href')).to.equal('tel:+358925200999');
    const levels = [...sr(el).querySelectorAll('ol[part="escalation"] > li')];
    expect(levels.map((l) => l.querySelector('strong')!.textContent)).to.deep.equal([
      'Level 1: Duty manager', 'Level 2: Support operations manager', 'Level 3: Head of customer support']);
    expect(levels[1]!.querySelector('a')!.getAttribute('href')).to.equal('mailto:escalations@example.com');
    expect(levels[2]!.querySelector('a')!.getAttribute('href')).to.equal('tel:+358925200990');
    expect(levels[0]!.textContent).to.contain('4 business hours');
    expect(sr(el).querySelector('[part="documents-link"]')!.getAttribute('href')).to.equal('/support/docs');
    const plain = await mountCard('country="FI"', utc(2026, 3, 18, 8, 30));
    expect(sr(plain).querySelector('[part="documents-link"]')!.getAttribute('href')).to.equal('#/documents');
  });

  it('fits a narrow sidebar: day names stay whole, nothing overflows, escalation values wrap under their term', async () => {
    const el = await mountCard('country="US" local-time-zone="Europe/Helsinki"', utc(2026, 3, 18, 8, 30));
    el.style.cssText = 'display:block; inline-size: 260px';
    await el.updateComplete;
    const table = sr(el).querySelector<HTMLTableElement>('[part="hours"]')!;
    expect(table.querySelectorAll('thead th').length, 'the "your time" column is shown').to.equal(3);
    for (const day of table.querySelectorAll<HTMLElement>('tbody th')) {
      const text = document.createRange();
      text.selectNodeContents(day);
      const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top)));
      expect(lines.size, `"${day.textContent}" broke over lines`).to.equal(1);
    }
    expect(table.getBoundingClientRect().width, 'the hours table is wider than the card').to.be.at.most(260.5);
    const how = sr(el).querySelectorAll<HTMLElement>('ol[part="escalation"] dd')[4]!; // level 2, "How": a long e-mail address
    expect(how.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  });

  it('updates the status while the page stays open, and stops when disconnected', async () => {
    const realNow = Date.now;
    let fake = utc(2026, 3, 18, 14, 59, ) + 59_700; // 300 ms before 17:00 EET closing
    Date.now = () => fake;
    try {
      const el = await mountCard('country="FI" local-time-zone="Europe/Helsinki"', undefined);
      expect(statusText(el)).to.equal('Open now, closes at 17:00');
      fake += 1000;
      await waitFor(() => statusText(el).startsWith('Closed'), 2000);
      expect(statusText(el)).to.contain('opens tomorrow 08:00');
      el.remove();
      expect((el as unknown as { _timer: unknown })._timer).to.equal(undefined);
    } finally {
      Date.now = realNow;
    }
  });

  it('shows the error state with retry, and the empty state', async () => {
    let fail = true;
    const api = fakeApi({ getContacts: async () => { if (fail) throw new ApiError({ kind: 'network', operation: 'getContacts' }); return { centres: [], countries: [], emergency: [], escalation: [] }; } });
    const el = await mountCard('', undefined, api);
    expect(sr(el).querySelector('[role="alert"]')!.textContent).to.contain('could not be reached');
    fail = false;
    sr(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    const empty = await waitFor(() => sr(el).querySelector('[part="empty"]'));
    expect(empty.textContent).to.contain('No contact details');
  });

  it('defaults the country from the language region, else the time zone, else the first line', () => {
    const { countries, centres } = contacts;
    expect(detectCountry(countries, centres, { languages: ['fi-FI', 'en'], timeZone: 'America/New_York' })).to.equal('FI');
    expect(detectCountry(countries, centres, { languages: ['en-GB', 'sv-SE'], timeZone: undefined })).to.equal('SE');
    expect(detectCountry(countries, centres, { languages: ['en'], timeZone: 'America/Chicago' })).to.equal('US');
    expect(detectCountry(countries, centres, { languages: ['en'], timeZone: 'Asia/Singapore' })).to.equal('SG');
    expect(detectCountry(countries, [...centres, { ...centres[0]!, id: 'x', timeZone: 'Europe/Stockholm' }], { languages: ['de'], timeZone: 'Europe/Stockholm' })).to.equal('SE');
    expect(detectCountry(countries, centres, { languages: ['de-DE'], timeZone: 'Africa/Nairobi' })).to.equal('FI');
    expect(detectCountry([], centres, { languages: [], timeZone: undefined })).to.equal(null);
    expect(telHref('+1 (212) 555-0199 ext. <b>')).to.equal('tel:+12125550199');
    expect(telHref('javascript:alert(1)')).to.equal('tel:1');
  });
});
