import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { EsElement } from '../../base/es-element.js';
import { renderEmpty, renderError, renderLoading } from '../../base/status-views.js';
import { apiContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { Contacts, CountryLine, EscalationLevel, Severity, SupportCentre } from '../../core/models.js';
import { isAbort, isApiError } from '../../core/errors.js';
import { currentLocale, formatTime } from '../../core/format.js';
import {
  isValidTimeZone, nextTick, openingStatus, wallClock, weekSchedule, type OpeningStatus, type ScheduleRow,
} from '../../core/opening-hours.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { contactCardStyles } from './contact-card.styles.js';
import { browserEnvironment, detectCountry, telHref } from './detect-country.js';

const HOUR = 3_600_000;

/** Reflects '' as no attribute. */
const optionalString = { fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => (v ? v : null) };

/**
 * Support phone numbers per country, whether the support centre is open right now, its opening hours in the
 * centre's time zone and in the user's own, the 24/7 lines for critical cases, the escalation path and a link to the
 * service descriptions. Public data: works signed out.
 *
 * The country picker starts from the `country` attribute, else the region of the browser language
 * (`fi-FI` → Finland), else the user's time zone, else the first country. The "Open now, closes at 17:00" /
 * "Closed, opens Monday 08:00 (in 14 hr)" line is computed in the centre's IANA zone (daylight saving and
 * holidays included) and refreshed at the next change or every minute while the element is connected.
 *
 * @summary Phone numbers, live opening status, opening hours, 24/7 lines and the escalation path.
 *
 * @event es-error - The contacts could not be loaded; cancel it to hide the built-in message.
 *
 * @csspart base - Wrapper.
 * @csspart heading - The element's heading.
 * @csspart country-select - The country picker.
 * @csspart line - The selected country's phone line.
 * @csspart phone-link - A `tel:` link.
 * @csspart email-link - The centre's email link.
 * @csspart status - The open/closed line; also `status-open` or `status-closed`.
 * @csspart hours - The opening-hours table.
 * @csspart emergency - The 24/7 lines.
 * @csspart escalation - The escalation path (ordered list).
 * @csspart escalation-level - One level of the escalation path.
 * @csspart documents-link - Link to the service descriptions.
 * @csspart loading - Loading state.
 * @csspart empty - No contact details.
 * @csspart error - Error state.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssproperty --es-contact-card-gap - Space between sections.
 * @cssproperty --es-contact-card-open-color - Colour of "Open now".
 * @cssproperty --es-contact-card-closed-color - Colour of "Closed".
 * @cssproperty --es-contact-card-emergency-background - Background of the 24/7 box.
 */
@localized()
export class EsContactCard extends EsElement {
  static override tagName = 'es-contact-card';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${contactCardStyles}`;

  /** ISO 3166-1 alpha-2 code of the country to show (fixes the picker's initial choice); default: detected. */
  @property({ reflect: true, converter: optionalString }) country = '';

  /** Fixed clock (epoch ms) for stories and tests; unset = the real time, refreshed while the page stays open. */
  @property({ type: Number }) now: number | undefined = undefined;

  /** The user's IANA time zone for the "your time" column; default: the browser's. */
  @property({ attribute: 'local-time-zone' }) localTimeZone = '';

  /** Where "Service descriptions" links to (es-portal's documents route by default). */
  @property({ attribute: 'documents-href' }) documentsHref = '#/documents';

  /** Heading level of the element's title (2-6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @consume({ context: apiContext, subscribe: true }) @state() api?: SupportApi;

  /** The user's choice in the picker (wins over `country` once made). */
  @state() private _chosen = '';
  /** Time of the last refresh of the live status. */
  @state() private _tick = Date.now();
  @state() private _errorHidden = false;

  private _timer: ReturnType<typeof setTimeout> | undefined;

  private _contacts = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return null;
      this._errorHidden = false;
      try {
        return await api.getContacts({ signal });
      } catch (e) {
        if (!isAbort(e)) {
          const error = e instanceof Error ? e : new Error(String(e));
          this._errorHidden = !this.emit(new EsErrorEvent({ status: isApiError(e) ? e.status : 0, operation: 'getContacts', error }));
        }
        throw e;
      }
    },
    args: () => [this.api] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this._tick = Date.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('country') && changed.get('country') !== undefined) this._chosen = '';
  }

  protected override updated(): void {
    this.schedule();
  }

  private get currentTime(): number {
    return this.now ?? this._tick;
  }

  private get userZone(): string {
    if (this.localTimeZone && isValidTimeZone(this.localTimeZone)) return this.localTimeZone;
    return browserEnvironment().timeZone ?? 'UTC';
  }

  /** Re-renders at the next opening/closing or the next minute, whichever is first (real clock only). */
  private schedule(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    if (this.now !== undefined || !this.isConnected) return;
    const centre = this.selectedCentre();
    const t = Date.now();
    const delay = centre ? nextTick(openingStatus(centre, t), t) : 60_000;
    this._timer = setTimeout(() => { this._tick = Date.now(); }, delay);
  }

  private selectedLine(): CountryLine | undefined {
    const data = this._contacts.value;
    if (!data?.countries.length) return undefined;
    const pick = (code: string) => data.countries.find((l) => l.country.toUpperCase() === code.toUpperCase());
    return (this._chosen && pick(this._chosen))
      || (this.country && pick(this.country))
      || pick(detectCountry(data.countries, data.centres) ?? '')
      || data.countries[0];
  }

  private selectedCentre(): SupportCentre | undefined {
    const data = this._contacts.value;
    const line = this.selectedLine();
    return line ? data?.centres.find((c) => c.id === line.centreId) : undefined;
  }

  private onCountry(e: Event): void {
    this._chosen = (e.target as HTMLSelectElement).value;
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="cc-heading">
      ${this.heading('cc-heading', msg('Contact support', { id: 'contact-card.heading' }), 'heading')}
      ${this._contacts.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        complete: (data) => (data ? this.renderContacts(data) : renderLoading()),
        error: (e) => (isAbort(e) || this._errorHidden ? nothing : renderError(e, () => void this._contacts.run())),
      })}
    </section>`;
  }

  private heading(id: string, text: string, part: string, offset = 0): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2) + offset);
    return html`<div id=${id} part=${part} class="heading" role="heading" aria-level=${level}>${text}</div>`;
  }

  private renderContacts(data: Contacts): TemplateResult {
    if (!data.countries.length && !data.emergency.length && !data.escalation.length) {
      return renderEmpty(msg('No contact details are available right now.', { id: 'contact-card.empty' }));
    }
    const line = this.selectedLine();
    const centre = this.selectedCentre();
    const names = displayNames('region');
    const countryName = (l: CountryLine) => names?.of(l.country) ?? l.countryName;
    const sorted = [...data.countries].sort((a, b) => countryName(a).localeCompare(countryName(b), currentLocale()));
    return html`
      ${data.countries.length ? html`<div class="field country">
        <label for="cc-country">${msg('Country', { id: 'contact-card.country' })}</label>
        <select id="cc-country" part="country-select" @change=${this.onCountry}>
          ${sorted.map((l) => html`<option value=${l.country} ?selected=${l === line}>${countryName(l)}</option>`)}
        </select>
      </div>` : nothing}
      ${line ? this.renderLine(line, centre) : nothing}
      ${centre ? this.renderHours(centre) : nothing}
      ${data.emergency.length ? this.renderEmergency(data) : nothing}
      ${data.escalation.length ? this.renderEscalation(data.escalation) : nothing}
      <p class="documents"><a part="documents-link" href=${this.documentsHref}>${msg('Service descriptions and support terms', { id: 'contact-card.documents' })}</a></p>`;
  }

  private renderLine(line: CountryLine, centre: SupportCentre | undefined): TemplateResult {
    const languages = displayNames('language');
    const langs = line.languages.map((l) => languages?.of(l) ?? l);
    const list = langs.length ? new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(langs) : '';
    return html`<div part="line" class="line">
      <p class="phone"><a part="phone-link" href=${telHref(line.phone)}>${line.phone}</a></p>
      ${centre ? this.renderStatus(centre) : nothing}
      <p class="meta">
        ${centre ? html`<span>${centre.name}</span>` : nothing}
        ${list ? html`<span>${msg(str`Languages: ${list}`, { id: 'contact-card.languages' })}</span>` : nothing}
        ${centre?.email ? html`<span><a part="email-link" href="mailto:${centre.email}">${centre.email}</a></span>` : nothing}
      </p>
    </div>`;
  }

  private renderStatus(centre: SupportCentre): TemplateResult {
    const now = this.currentTime;
    let status: OpeningStatus;
    try {
      status = openingStatus(centre, now);
    } catch {
      return html``; // unknown time zone: no status rather than a wrong one
    }
    return html`<p part=${status.open ? 'status status-open' : 'status status-closed'} class="status ${status.open ? 'open' : 'closed'}">
      <span class="dot" aria-hidden="true"></span>
      <span>${statusText(status, centre.timeZone, now, this.userZone)}</span>
    </p>`;
  }

  private renderHours(centre: SupportCentre): TemplateResult {
    let rows: ScheduleRow[];
    try { rows = weekSchedule(centre, this.currentTime); } catch { return html``; }
    const now = this.currentTime;
    const userZone = this.userZone;
    const centreZoneName = zoneName(centre.timeZone, now);
    const userZoneName = zoneName(userZone, now);
    const sameZone = sameOffsets(rows, centre.timeZone, userZone);
    const todayIso = rows.length ? isoOf(wallClock(now, centre.timeZone)) : '';
    return html`<table part="hours" class="hours">
      <caption>${msg(str`Opening hours, ${centre.name}`, { id: 'contact-card.hours-caption' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Day', { id: 'contact-card.day' })}</th>
        <th scope="col">${msg(str`Centre time (${centreZoneName})`, { id: 'contact-card.centre-time' })}</th>
        ${sameZone ? nothing : html`<th scope="col">${msg(str`Your time (${userZoneName})`, { id: 'contact-card.your-time' })}</th>`}
      </tr></thead>
      <tbody>${rows.map((r) => html`<tr class=${r.date === todayIso ? 'today' : ''} aria-current=${r.date === todayIso ? 'date' : nothing}>
        <th scope="row">${weekdayName(r.day)}</th>
        <td>${this.centreHours(r, centre.timeZone)}</td>
        ${sameZone ? nothing : html`<td>${this.localHours(r, userZone)}</td>`}
      </tr>`)}</tbody>
    </table>`;
  }

  private centreHours(r: ScheduleRow, zone: string): string {
    if (r.holiday) return msg(str`Closed (${r.holiday.name})`, { id: 'contact-card.closed-holiday' });
    if (!r.periods.length) return msg('Closed', { id: 'contact-card.closed' });
    // Through Intl like the status line and the "your time" column (Finnish 8.00, not the data's 08:00).
    return r.periods.map((p) => `${formatTime(p.start, zone)}–${formatEnd(p.end, zone)}`).join(', ');
  }

  private localHours(r: ScheduleRow, userZone: string): string {
    if (!r.periods.length) return '—';
    const centreDay = r.date;
    return r.periods.map((p) => {
      const startDay = isoOf(wallClock(p.start, userZone));
      const endDay = isoOf(wallClock(p.end - 1, userZone));
      const prefix = startDay !== centreDay ? `${weekdayShort(p.start, userZone)} ` : '';
      const endPrefix = endDay !== startDay ? `${weekdayShort(p.end - 1, userZone)} ` : '';
      return `${prefix}${formatTime(p.start, userZone)}–${endPrefix}${formatEnd(p.end, userZone)}`;
    }).join(', ');
  }

  private renderEmergency(data: Contacts): TemplateResult {
    return html`<div part="emergency" class="emergency">
      ${this.heading('cc-emergency', msg('Critical cases, 24/7', { id: 'contact-card.emergency' }), 'emergency-heading', 1)}
      <ul>${data.emergency.map((e) => html`<li>
        <span class="label">${e.label}</span>
        <a part="phone-link" href=${telHref(e.phone)}>${e.phone}</a>
        <span class="hint">${msg(str`For severity: ${severityList(e.severities)}`, { id: 'contact-card.for-severity' })}</span>
      </li>`)}</ul>
    </div>`;
  }

  private renderEscalation(levels: EscalationLevel[]): TemplateResult {
    const sorted = [...levels].sort((a, b) => a.level - b.level);
    return html`<div class="escalation-wrap">
      ${this.heading('cc-escalation', msg('Escalation path', { id: 'contact-card.escalation' }), 'escalation-heading', 1)}
      <ol part="escalation" class="escalation" aria-labelledby="cc-escalation">
        ${sorted.map((l) => html`<li part="escalation-level" value=${l.level}>
          <strong>${msg(str`Level ${l.level}: ${l.name}`, { id: 'contact-card.level' })}</strong>
          <dl>
            <div><dt>${msg('When', { id: 'contact-card.when' })}</dt><dd>${l.when}</dd></div>
            <div><dt>${msg('How', { id: 'contact-card.how' })}</dt><dd>${contactLink(l.contact)}</dd></div>
            <div><dt>${msg('Response time', { id: 'contact-card.response' })}</dt><dd>${l.responseTime}</dd></div>
          </dl>
        </li>`)}
      </ol>
    </div>`;
  }
}

// ------------------------------------------------------------------ text helpers (current locale)

function statusText(status: OpeningStatus, zone: string, now: number, userZone: string): string {
  const holiday = status.holiday ? msg(str`Closed today: ${status.holiday.name}.`, { id: 'contact-card.holiday' }) + ' ' : '';
  if (status.open) {
    if (status.changesAt === null) return msg('Open now, around the clock', { id: 'contact-card.open-always' });
    const at = whenText(status.changesAt, zone, now);
    return msg(str`Open now, closes ${at}`, { id: 'contact-card.open-closes' }) + yourTime(status.changesAt, zone, userZone);
  }
  if (status.changesAt === null) return holiday + msg('Closed, with no opening hours in the next 14 days', { id: 'contact-card.closed-long' });
  const at = whenText(status.changesAt, zone, now);
  const rel = inText(status.changesAt - now);
  return (status.holiday ? holiday + msg(str`Opens ${at} (${rel})`, { id: 'contact-card.opens' })
    : msg(str`Closed, opens ${at} (${rel})`, { id: 'contact-card.closed-opens' })) + yourTime(status.changesAt, zone, userZone);
}

/** "at 17:00" today, "tomorrow 08:00", "Monday 08:00" — in the centre's zone. */
function whenText(ms: number, zone: string, now: number): string {
  const time = formatTime(ms, zone);
  const days = dayDiff(now, ms, zone);
  if (days === 0) return msg(str`at ${time}`, { id: 'contact-card.at-time' });
  if (days === 1) return msg(str`tomorrow ${time}`, { id: 'contact-card.tomorrow-time' });
  return `${new Intl.DateTimeFormat(currentLocale(), { weekday: 'long', timeZone: zone }).format(ms)} ${time}`;
}

function yourTime(ms: number, zone: string, userZone: string): string {
  if (zoneOffsetMinutes(ms, zone) === zoneOffsetMinutes(ms, userZone)) return '';
  return ' · ' + msg(str`${formatTime(ms, userZone)} your time`, { id: 'contact-card.your-time-short' });
}

/** "in 25 min", "in 14 hr", "in 3 days". */
function inText(ms: number): string {
  const rtf = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'always', style: 'short' });
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(ms / (24 * HOUR)), 'day');
}

function dayDiff(from: number, to: number, zone: string): number {
  const a = wallClock(from, zone);
  const b = wallClock(to, zone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function zoneOffsetMinutes(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

function sameOffsets(rows: ScheduleRow[], a: string, b: string): boolean {
  if (a === b) return true;
  return rows.every((r) => r.periods.every((p) => zoneOffsetMinutes(p.start, a) === zoneOffsetMinutes(p.start, b)
    && zoneOffsetMinutes(p.end, a) === zoneOffsetMinutes(p.end, b)));
}

function isoOf(w: { year: number; month: number; day: number }): string {
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Name of an ISO weekday (1 = Monday) in the current locale. */
function weekdayName(day: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(currentLocale(), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, day));
}

function weekdayShort(ms: number, zone: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { weekday: 'short', timeZone: zone }).format(ms);
}

/** An end time; midnight at the end of a day shows as 24:00. */
function formatEnd(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  return w.hour === 0 && w.minute === 0 ? '24:00' : formatTime(ms, zone);
}

function zoneName(zone: string, at: number): string {
  try {
    const part = new Intl.DateTimeFormat(currentLocale(), { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

function displayNames(type: 'region' | 'language'): Intl.DisplayNames | null {
  try { return new Intl.DisplayNames([currentLocale()], { type, fallback: 'code' }); } catch { return null; }
}

function severityList(severities: Severity[]): string {
  const label: Record<Severity, string> = {
    critical: msg('critical', { id: 'contact-card.severity-critical' }),
    high: msg('high', { id: 'contact-card.severity-high' }),
    medium: msg('medium', { id: 'contact-card.severity-medium' }),
    low: msg('low', { id: 'contact-card.severity-low' }),
  };
  return new Intl.ListFormat(currentLocale(), { type: 'disjunction' }).format(severities.map((s) => label[s] ?? s));
}

/** A phone number becomes a tel: link, an email a mailto: link, anything else stays text. */
function contactLink(contact: string): TemplateResult | string {
  const v = contact.trim();
  if (/^\+?[\d\s().-]{6,}$/.test(v)) return html`<a part="phone-link" href=${telHref(v)}>${v}</a>`;
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v)) return html`<a href="mailto:${v}">${v}</a>`;
  return v;
}

declare global {
  interface HTMLElementTagNameMap {
    'es-contact-card': EsContactCard;
  }
}
