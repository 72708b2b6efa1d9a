import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Registration happens here, not through the define module: the bundler drops a bare `import './define.js'`
// (package.json `sideEffects` names only dist/ define files).
import { EsContactCard } from '../src/components/contact-card/contact-card.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import { contacts } from './support/fixtures.js';
import type { Contacts } from '../src/core/models.js';

EsContactCard.define();

/**
 * es-contact-card. Every story runs on a fixed clock (`now`) so the open/closed line is the same every time;
 * remove `now` in the controls to see the live clock.
 */
const WED_1030_HELSINKI = Date.UTC(2026, 2, 18, 8, 30);
const FRI_1800_HELSINKI = Date.UTC(2026, 2, 27, 16, 0);
const GOOD_FRIDAY_1000 = Date.UTC(2026, 3, 3, 7, 0);

const meta: Meta = {
  title: 'Elements/Contact card',
  component: 'es-contact-card',
  render: (args) => html`<es-contact-card country=${args['country'] ?? ''} .now=${args['now'] ?? undefined}
    local-time-zone=${args['local-time-zone'] ?? ''} documents-href=${args['documents-href'] ?? '#/documents'}></es-contact-card>`,
  args: { country: 'FI', now: WED_1030_HELSINKI, 'local-time-zone': 'Europe/Helsinki', 'documents-href': '#/documents' },
  parameters: { es: { session: 'signed-out' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;
const es = (p: EsStoryParameters) => ({ es: p });

const manyCountries: Contacts = {
  ...contacts,
  countries: [
    ...contacts.countries,
    ...[['EE', 'Estonia', '+372 600 1200'], ['LV', 'Latvia', '+371 6700 1200'], ['LT', 'Lithuania', '+370 5 200 1200'],
      ['PL', 'Poland', '+48 22 500 1200'], ['NL', 'Netherlands', '+31 20 500 1200'], ['BE', 'Belgium', '+32 2 500 1200'],
      ['FR', 'France', '+33 1 70 00 12 00'], ['ES', 'Spain', '+34 91 500 1200'], ['IT', 'Italy', '+39 02 5000 1200'],
      ['IE', 'Ireland', '+353 1 500 1200'], ['JP', 'Japan', '+81 3 5000 1200'], ['NZ', 'New Zealand', '+64 9 500 1200']]
      .map(([country, countryName, phone]) => ({ country: country!, countryName: countryName!, phone: phone!, centreId: country === 'JP' || country === 'NZ' ? 'sgp' : 'ber', languages: ['en'] })),
  ],
};

export const OpenNow: Story = { name: 'Open now' };

export const ClosedOpensMonday: Story = { name: 'Closed (Friday evening), opens Monday', args: { now: FRI_1800_HELSINKI } };

export const Holiday: Story = { name: 'Closed on a holiday (Good Friday)', args: { now: GOOD_FRIDAY_1000 } };

export const OtherTimeZone: Story = {
  name: 'US line seen from Helsinki (two time columns)',
  args: { country: 'US', 'local-time-zone': 'Europe/Helsinki' },
};

export const Singapore: Story = { args: { country: 'SG', 'local-time-zone': 'Europe/Berlin' } };

export const ManyCountries: Story = { name: 'Many countries', parameters: es({ api: { data: { contacts: manyCountries } } }) };

export const DetectedCountry: Story = { name: 'Country detected from the browser', args: { country: '' } };

export const Loading: Story = { parameters: es({ api: { methods: { getContacts: 'loading' } } }) };

export const Empty: Story = { parameters: es({ api: { methods: { getContacts: 'empty' } } }) };

export const ErrorState: Story = { name: 'Error', parameters: es({ api: { methods: { getContacts: 'error' }, error: { status: 0 } } }) };

export const Finnish: Story = { globals: { locale: 'fi' } };

export const FinnishClosed: Story = { name: 'Finnish, closed', args: { now: FRI_1800_HELSINKI }, globals: { locale: 'fi' } };

export const RightToLeft: Story = { name: 'Right to left', globals: { dir: 'rtl' } };

export const Dark: Story = { name: 'Dark theme', globals: { theme: 'dark' } };
