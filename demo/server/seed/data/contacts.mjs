// Support centres, country lines, public holidays (real 2026 and 2027 dates), emergency lines and escalation
// path, served by GET /api/v1/contacts.

const weekdays = (open, close) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));

export const CONTACTS = {
  centres: [
    {
      id: 'hel', name: 'Helsinki support centre', timeZone: 'Europe/Helsinki', email: 'support.fi@vendor.example',
      hours: weekdays('08:00', '18:00'),
      holidays: [
        { date: '2026-01-01', name: 'New Year’s Day' }, { date: '2026-01-06', name: 'Epiphany' },
        { date: '2026-04-03', name: 'Good Friday' }, { date: '2026-04-06', name: 'Easter Monday' },
        { date: '2026-05-01', name: 'May Day' }, { date: '2026-05-14', name: 'Ascension Day' },
        { date: '2026-06-19', name: 'Midsummer Eve' }, { date: '2026-12-24', name: 'Christmas Eve' },
        { date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-26', name: 'St Stephen’s Day' },
        { date: '2027-01-01', name: 'New Year’s Day' }, { date: '2027-01-06', name: 'Epiphany' },
        { date: '2027-03-26', name: 'Good Friday' }, { date: '2027-03-29', name: 'Easter Monday' },
        { date: '2027-05-06', name: 'Ascension Day' }, { date: '2027-06-25', name: 'Midsummer Eve' },
        { date: '2027-12-06', name: 'Independence Day' }, { date: '2027-12-24', name: 'Christmas Eve' },
      ],
    },
    {
      id: 'ber', name: 'Berlin support centre', timeZone: 'Europe/Berlin', email: 'support.de@vendor.example',
      hours: weekdays('08:00', '18:00'),
      holidays: [
        { date: '2026-01-01', name: 'Neujahr' }, { date: '2026-04-03', name: 'Karfreitag' },
        { date: '2026-04-06', name: 'Ostermontag' }, { date: '2026-05-01', name: 'Tag der Arbeit' },
        { date: '2026-05-14', name: 'Christi Himmelfahrt' }, { date: '2026-05-25', name: 'Pfingstmontag' },
        { date: '2026-10-03', name: 'Tag der Deutschen Einheit' }, { date: '2026-12-25', name: '1. Weihnachtstag' },
        { date: '2026-12-26', name: '2. Weihnachtstag' },
        { date: '2027-01-01', name: 'Neujahr' }, { date: '2027-03-08', name: 'Internationaler Frauentag (Berlin)' },
        { date: '2027-03-26', name: 'Karfreitag' }, { date: '2027-03-29', name: 'Ostermontag' },
        { date: '2027-05-06', name: 'Christi Himmelfahrt' }, { date: '2027-05-17', name: 'Pfingstmontag' },
        { date: '2027-10-03', name: 'Tag der Deutschen Einheit' }, { date: '2027-12-25', name: '1. Weihnachtstag' },
        { date: '2027-12-26', name: '2. Weihnachtstag' },
      ],
    },
    {
      id: 'nyc', name: 'New York support centre', timeZone: 'America/New_York', email: 'support.us@vendor.example',
      hours: weekdays('08:00', '20:00'),
      holidays: [
        { date: '2026-01-01', name: 'New Year’s Day' }, { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
        { date: '2026-05-25', name: 'Memorial Day' }, { date: '2026-06-19', name: 'Juneteenth' },
        { date: '2026-07-03', name: 'Independence Day (observed)' }, { date: '2026-09-07', name: 'Labor Day' },
        { date: '2026-11-26', name: 'Thanksgiving Day' }, { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: 'New Year’s Day' }, { date: '2027-01-18', name: 'Martin Luther King Jr. Day' },
        { date: '2027-05-31', name: 'Memorial Day' }, { date: '2027-06-18', name: 'Juneteenth (observed)' },
        { date: '2027-07-05', name: 'Independence Day (observed)' }, { date: '2027-09-06', name: 'Labor Day' },
        { date: '2027-11-25', name: 'Thanksgiving Day' }, { date: '2027-12-24', name: 'Christmas Day (observed)' },
      ],
    },
    {
      id: 'sin', name: 'Singapore support centre', timeZone: 'Asia/Singapore', email: 'support.apac@vendor.example',
      hours: [...weekdays('08:00', '19:00'), { day: 6, open: '09:00', close: '13:00' }],
      holidays: [
        { date: '2026-01-01', name: 'New Year’s Day' }, { date: '2026-02-17', name: 'Chinese New Year' },
        { date: '2026-02-18', name: 'Chinese New Year (second day)' }, { date: '2026-04-03', name: 'Good Friday' },
        { date: '2026-05-01', name: 'Labour Day' }, { date: '2026-05-27', name: 'Hari Raya Haji' },
        { date: '2026-06-01', name: 'Vesak Day (observed)' }, { date: '2026-08-10', name: 'National Day (observed)' },
        { date: '2026-11-09', name: 'Deepavali (observed)' }, { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: 'New Year’s Day' }, { date: '2027-03-26', name: 'Good Friday' },
        { date: '2027-08-09', name: 'National Day' },
      ],
    },
  ],
  countries: [
    { country: 'FI', countryName: 'Finland', phone: '+358 9 4245 0700', centreId: 'hel', languages: ['fi', 'sv', 'en'] },
    { country: 'SE', countryName: 'Sweden', phone: '+46 8 5050 0700', centreId: 'hel', languages: ['sv', 'en'] },
    { country: 'NO', countryName: 'Norway', phone: '+47 21 55 07 00', centreId: 'hel', languages: ['no', 'en'] },
    { country: 'DK', countryName: 'Denmark', phone: '+45 32 71 07 00', centreId: 'hel', languages: ['da', 'en'] },
    { country: 'EE', countryName: 'Estonia', phone: '+372 622 0700', centreId: 'hel', languages: ['et', 'en'] },
    { country: 'DE', countryName: 'Germany', phone: '+49 30 2555 0700', centreId: 'ber', languages: ['de', 'en'] },
    { country: 'AT', countryName: 'Austria', phone: '+43 1 2055 0700', centreId: 'ber', languages: ['de', 'en'] },
    { country: 'CH', countryName: 'Switzerland', phone: '+41 44 555 07 00', centreId: 'ber', languages: ['de', 'fr', 'en'] },
    { country: 'NL', countryName: 'Netherlands', phone: '+31 20 555 0700', centreId: 'ber', languages: ['nl', 'en'] },
    { country: 'GB', countryName: 'United Kingdom', phone: '+44 20 7946 0700', centreId: 'ber', languages: ['en'] },
    { country: 'US', countryName: 'United States', phone: '+1 212 555 0170', centreId: 'nyc', languages: ['en', 'es'] },
    { country: 'CA', countryName: 'Canada', phone: '+1 416 555 0170', centreId: 'nyc', languages: ['en', 'fr'] },
    { country: 'SG', countryName: 'Singapore', phone: '+65 6555 0700', centreId: 'sin', languages: ['en', 'zh'] },
    { country: 'AU', countryName: 'Australia', phone: '+61 2 5550 0700', centreId: 'sin', languages: ['en'] },
    { country: 'JP', countryName: 'Japan', phone: '+81 3 5555 0700', centreId: 'sin', languages: ['ja', 'en'] },
  ],
  emergency: [
    { label: 'Critical cases, 24/7, worldwide', phone: '+358 9 4245 0999', severities: ['critical'] },
    { label: 'Critical cases, 24/7, Americas', phone: '+1 212 555 0199', severities: ['critical'] },
  ],
  escalation: [
    { level: 1, name: 'Duty manager', when: 'The case is not progressing as agreed, or the business impact has grown.', contact: 'Ask for escalation in the case; the duty manager answers in the case.', responseTime: '4 business hours' },
    { level: 2, name: 'Support team lead', when: 'Level 1 did not resolve the concern, or a critical case has no workaround after 24 hours.', contact: 'escalations@vendor.example, +358 9 4245 0990', responseTime: '2 business hours' },
    { level: 3, name: 'Head of Customer Support', when: 'Service outage with contractual impact, or levels 1-2 did not resolve the concern.', contact: 'support-management@vendor.example, +358 9 4245 0991 (24/7 for critical cases)', responseTime: '1 hour' },
  ],
};
