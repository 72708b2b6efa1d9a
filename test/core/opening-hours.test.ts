import { expect } from '@open-wc/testing';
import {
  nextTick, openingStatus, parseTime, wallClock, weekSchedule, zonedTimeToUtc, zoneOffset,
} from '../../src/core/opening-hours.js';
import type { Contacts, OpeningHours, SupportCentre } from '../../src/core/models.js';
import { EsContactCard } from '../../src/components/contact-card/contact-card.js';
import { cleanup, fakeApi, mountWith } from '../helpers/fakes.js';

EsContactCard.define();

type Centre = Pick<SupportCentre, 'timeZone' | 'hours' | 'holidays'>;
const weekdays = (open: string, close: string): OpeningHours[] =>
  ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }));
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const HOUR = 3_600_000;

const helsinki: Centre = {
  timeZone: 'Europe/Helsinki', hours: weekdays('08:00', '17:00'),
  holidays: [{ date: '2026-04-03', name: 'Good Friday' }, { date: '2026-12-24', name: 'Christmas Eve' }],
};
const newYork: Centre = {
  timeZone: 'America/New_York', hours: [...weekdays('08:00', '20:00'), { day: 6, open: '10:00', close: '14:00' }],
  holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }],
};
const singapore: Centre = {
  timeZone: 'Asia/Singapore', hours: weekdays('09:00', '18:00'), holidays: [{ date: '2026-02-17', name: 'Chinese New Year' }],
};

describe('opening-hours', () => {
  afterEach(cleanup);

  it('opens with an accessible contact card whose status is this module\'s answer (New York, across the DST switch)', async () => {
    const contacts: Contacts = {
      centres: [{ id: 'nyc', name: 'New York', email: 'ny@example.com', ...newYork }],
      countries: [{ country: 'US', countryName: 'United States', phone: '+1 212 555 0199', centreId: 'nyc', languages: ['en'] }],
      emergency: [], escalation: [],
    };
    const card = document.createElement('es-contact-card') as EsContactCard;
    card.country = 'US';
    card.localTimeZone = 'Asia/Singapore';
    card.now = utc(2026, 3, 7, 20); // Sat 15:00 EST, before the switch
    const el = await mountWith<EsContactCard>(card, { api: fakeApi({ getContacts: async () => contacts }) });
    let status: Element | null = null;
    for (let i = 0; i < 100 && !(status = el.shadowRoot!.querySelector('[part~="status"]')); i++) await new Promise((r) => setTimeout(r, 20));
    await expect(el).to.be.accessible();
    expect(openingStatus(newYork, card.now).changesAt).to.equal(utc(2026, 3, 9, 12));
    // Monday 08:00 EDT = 12:00 UTC = 20:00 in Singapore.
    expect(status!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Closed, opens Monday 08:00 \(in 40 hr\.?\) · 20:00 your time$/); // 40 h, not 41: clocks go forward on Sunday
  });

  it('reads wall clocks and offsets with Intl in each zone', () => {
    expect(zoneOffset(utc(2026, 1, 15, 12), 'Europe/Helsinki')).to.equal(2 * HOUR);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'Europe/Helsinki')).to.equal(3 * HOUR);
    expect(zoneOffset(utc(2026, 1, 15, 12), 'America/New_York')).to.equal(-5 * HOUR);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'America/New_York')).to.equal(-4 * HOUR);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'Asia/Singapore')).to.equal(8 * HOUR);
    const w = wallClock(utc(2026, 3, 27, 22, 30), 'Asia/Singapore');
    expect([w.year, w.month, w.day, w.hour, w.minute, w.weekday]).to.deep.equal([2026, 3, 28, 6, 30, 6]);
    expect(parseTime('24:00')).to.equal(1440);
    expect(parseTime('24:30')).to.equal(null);
    expect(parseTime('8:05')).to.equal(485);
    expect(parseTime('noon')).to.equal(null);
  });

  describe('Europe/Helsinki', () => {
    it('is open on a weekday morning and closes at 17:00 local', () => {
      const now = utc(2026, 3, 18, 8, 30); // Wed 10:30 EET
      expect(openingStatus(helsinki, now)).to.deep.equal({ open: true, changesAt: utc(2026, 3, 18, 15) });
    });
    it('after closing time on Friday opens Monday 08:00, across the spring DST switch (29 Mar 2026)', () => {
      const now = utc(2026, 3, 27, 16); // Fri 18:00 EET (UTC+2)
      const s = openingStatus(helsinki, now);
      expect(s.open).to.equal(false);
      // Monday 30 March 08:00 is EEST (UTC+3): 05:00 UTC, not 06:00.
      expect(s.changesAt).to.equal(utc(2026, 3, 30, 5));
    });
    it('across the autumn DST switch (25 Oct 2026) opens Monday 08:00 EET', () => {
      const now = utc(2026, 10, 23, 15); // Fri 18:00 EEST (UTC+3)
      expect(openingStatus(helsinki, now)).to.deep.equal({ open: false, changesAt: utc(2026, 10, 26, 6) });
    });
    it('is closed all day on a holiday and says which', () => {
      const now = utc(2026, 4, 3, 7); // Good Friday 10:00 EEST
      const s = openingStatus(helsinki, now);
      expect(s.open).to.equal(false);
      expect(s.holiday?.name).to.equal('Good Friday');
      expect(s.changesAt).to.equal(utc(2026, 4, 6, 5)); // Easter Monday is not a holiday in this data: 08:00 EEST
      // The day before, it closes as usual and reports no holiday.
      expect(openingStatus(helsinki, utc(2026, 4, 2, 13))).to.deep.equal({ open: true, changesAt: utc(2026, 4, 2, 14) });
    });
    it('before opening on a weekday opens the same morning', () => {
      expect(openingStatus(helsinki, utc(2026, 3, 18, 5))).to.deep.equal({ open: false, changesAt: utc(2026, 3, 18, 6) });
    });
    it('at exactly the closing minute is closed', () => {
      expect(openingStatus(helsinki, utc(2026, 3, 18, 15)).open).to.equal(false);
      expect(openingStatus(helsinki, utc(2026, 3, 18, 15) - 1).open).to.equal(true);
    });
  });

  describe('America/New_York', () => {
    it('on Saturday after 14:00 opens Monday 08:00 EDT, across the spring DST switch (8 Mar 2026)', () => {
      const now = utc(2026, 3, 7, 20); // Sat 15:00 EST (UTC-5)
      expect(openingStatus(newYork, now)).to.deep.equal({ open: false, changesAt: utc(2026, 3, 9, 12) });
    });
    it('on Saturday after 14:00 opens Monday 08:00 EST, across the autumn DST switch (1 Nov 2026)', () => {
      const now = utc(2026, 10, 31, 19); // Sat 15:00 EDT (UTC-4)
      expect(openingStatus(newYork, now)).to.deep.equal({ open: false, changesAt: utc(2026, 11, 2, 13) });
    });
    it('after closing time on Friday opens Saturday 10:00', () => {
      const now = utc(2026, 3, 14, 1); // Fri 13 Mar 21:00 EDT
      expect(openingStatus(newYork, now)).to.deep.equal({ open: false, changesAt: utc(2026, 3, 14, 14) });
    });
    it('is closed on Thanksgiving and opens the next day', () => {
      const s = openingStatus(newYork, utc(2026, 11, 26, 15)); // Thu 10:00 EST
      expect(s).to.deep.equal({ open: false, changesAt: utc(2026, 11, 27, 13), holiday: { date: '2026-11-26', name: 'Thanksgiving' } });
    });
    it('a wall time inside the spring gap becomes the first instant after it', () => {
      // 8 Mar 2026 02:30 does not exist in New York (02:00 → 03:00 EDT = 07:00 UTC).
      expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York')).to.equal(utc(2026, 3, 8, 7));
      const sunday: Centre = { timeZone: 'America/New_York', hours: [{ day: 7, open: '02:30', close: '05:00' }], holidays: [] };
      expect(openingStatus(sunday, utc(2026, 3, 8, 5))).to.deep.equal({ open: false, changesAt: utc(2026, 3, 8, 7) });
      expect(openingStatus(sunday, utc(2026, 3, 8, 7, 30))).to.deep.equal({ open: true, changesAt: utc(2026, 3, 8, 9) });
    });
    it('an ambiguous wall time in the autumn overlap becomes the earlier instant', () => {
      // 1 Nov 2026 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
      expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York')).to.equal(utc(2026, 11, 1, 5, 30));
      const sunday: Centre = { timeZone: 'America/New_York', hours: [{ day: 7, open: '01:30', close: '03:00' }], holidays: [] };
      // 01:30 EDT → 03:00 EST is 2.5 hours long that night.
      expect(openingStatus(sunday, utc(2026, 11, 1, 5))).to.deep.equal({ open: false, changesAt: utc(2026, 11, 1, 5, 30) });
      expect(openingStatus(sunday, utc(2026, 11, 1, 6))).to.deep.equal({ open: true, changesAt: utc(2026, 11, 1, 8) });
    });
  });

  describe('Asia/Singapore', () => {
    it('after closing time on Friday opens Monday 09:00 SGT', () => {
      const now = utc(2026, 3, 20, 11); // Fri 19:00 SGT
      expect(openingStatus(singapore, now)).to.deep.equal({ open: false, changesAt: utc(2026, 3, 23, 1) });
    });
    it('is open on a weekday and closes at 18:00 SGT', () => {
      expect(openingStatus(singapore, utc(2026, 3, 18, 2))).to.deep.equal({ open: true, changesAt: utc(2026, 3, 18, 10) });
    });
    it('is closed on Chinese New Year (its local date, though it is still the 16th in UTC)', () => {
      const now = utc(2026, 2, 16, 17); // Tue 17 Feb 01:00 SGT
      const s = openingStatus(singapore, now);
      expect(s.holiday?.name).to.equal('Chinese New Year');
      expect(s).to.include({ open: false, changesAt: utc(2026, 2, 18, 1) });
    });
  });

  describe('edge cases', () => {
    it('closes at 24:00: midnight at the end of the day', () => {
      const late: Centre = { timeZone: 'Europe/Helsinki', hours: [{ day: 5, open: '16:00', close: '24:00' }], holidays: [] };
      // Fri 27 Mar 23:30 EET → closes Sat 28 Mar 00:00 EET = Fri 22:00 UTC.
      expect(openingStatus(late, utc(2026, 3, 27, 21, 30))).to.deep.equal({ open: true, changesAt: utc(2026, 3, 27, 22) });
    });
    it('merges 24:00 and the next day\'s 00:00 into one period', () => {
      const night: Centre = {
        timeZone: 'Europe/Helsinki', holidays: [],
        hours: [{ day: 1, open: '20:00', close: '24:00' }, { day: 2, open: '00:00', close: '04:00' }],
      };
      // Mon 16 Mar 23:00 EET → closes Tue 04:00 EET = 02:00 UTC.
      expect(openingStatus(night, utc(2026, 3, 16, 21))).to.deep.equal({ open: true, changesAt: utc(2026, 3, 17, 2) });
    });
    it('an overnight period (close before open) ends the next day, also seen from after midnight', () => {
      const overnight: Centre = { timeZone: 'Asia/Singapore', hours: [{ day: 3, open: '22:00', close: '06:00' }], holidays: [] };
      // Thu 19 Mar 02:00 SGT is still inside Wednesday's period.
      expect(openingStatus(overnight, utc(2026, 3, 18, 18))).to.deep.equal({ open: true, changesAt: utc(2026, 3, 18, 22) });
    });
    it('open around the clock reports no change; no hours at all reports closed with no change', () => {
      const always: Centre = { timeZone: 'Europe/Helsinki', holidays: [], hours: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, open: '00:00', close: '24:00' })) };
      expect(openingStatus(always, utc(2026, 3, 29, 1))).to.deep.equal({ open: true, changesAt: null });
      expect(openingStatus({ timeZone: 'Asia/Singapore', hours: [], holidays: [] }, utc(2026, 3, 18))).to.deep.equal({ open: false, changesAt: null });
    });
    it('looks at most 14 days ahead', () => {
      const mondays: Centre = {
        timeZone: 'Europe/Helsinki', hours: [{ day: 1, open: '09:00', close: '10:00' }],
        holidays: [{ date: '2026-03-23', name: 'A' }, { date: '2026-03-30', name: 'B' }],
      };
      // Wed 18 Mar: next Mondays are holidays; 6 Apr is 19 days away.
      expect(openingStatus(mondays, utc(2026, 3, 18, 12))).to.deep.equal({ open: false, changesAt: null });
      // From Tue 24 Mar the 6 Apr opening is within 14 days.
      expect(openingStatus(mondays, utc(2026, 3, 24, 12))).to.deep.equal({ open: false, changesAt: utc(2026, 4, 6, 6) });
    });
    it('ignores malformed hours', () => {
      const bad: Centre = { timeZone: 'Europe/Helsinki', holidays: [], hours: [{ day: 3, open: 'x', close: '17:00' }, { day: 3, open: '09:00', close: '25:00' }] };
      expect(openingStatus(bad, utc(2026, 3, 18, 8))).to.deep.equal({ open: false, changesAt: null });
    });
  });

  it('weekSchedule lists Monday to Sunday with the coming dates and instants', () => {
    const rows = weekSchedule(helsinki, utc(2026, 3, 27, 16)); // Fri 27 Mar
    expect(rows.map((r) => r.day)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]!.date).to.equal('2026-03-30');
    expect(rows[0]!.periods[0]).to.deep.equal({ open: '08:00', close: '17:00', start: utc(2026, 3, 30, 5), end: utc(2026, 3, 30, 14) });
    expect(rows[4]!.date).to.equal('2026-03-27');
    expect(rows[4]!.periods[0]!.start).to.equal(utc(2026, 3, 27, 6));
    expect(rows[5]!.periods).to.deep.equal([]);
    const holidayWeek = weekSchedule(helsinki, utc(2026, 4, 1, 8));
    expect(holidayWeek[4]!.holiday?.name).to.equal('Good Friday');
    expect(holidayWeek[4]!.periods).to.deep.equal([]);
  });

  it('nextTick waits for the next change or the next minute, whichever is first', () => {
    const now = utc(2026, 3, 18, 14, 59, ) + 30_000; // 30 s before 15:00 UTC closing
    expect(nextTick({ open: true, changesAt: utc(2026, 3, 18, 15) }, now)).to.equal(30_000);
    expect(nextTick({ open: true, changesAt: null }, utc(2026, 3, 18, 10) + 15_000)).to.equal(45_000);
  });
});
