// Case templates: subjects, descriptions and comment threads that read like real support cases.

export const CASE_SUBJECTS = {
  any: [
    '{agent} not reporting to console since {date}',
    'Upgrade to {version} fails on {count} devices',
    'Console very slow when opening the {area} view',
    'Licence count in console does not match contract',
    'Request: guidance on migrating to {version}',
    'API token stopped working after password change',
    'Scheduled report emails are not delivered',
    'Audit log export to CSV is empty',
    'SSO login to console fails with invalid_grant',
    'Question about data retention settings',
  ],
  endpoint: [
    'Ransomware alert on file server FS{n} – need analysis',
    'False positive: in-house tool {tool}.exe quarantined',
    'High CPU from {agent} on Citrix servers',
    'Device isolation cannot be lifted from console',
    'Blue screen after installing {version} on Windows 11 laptops',
  ],
  mobile: ['Enrolment fails on Android 14 work profile', 'iOS devices show as non-compliant after update', 'Phishing protection blocks internal portal'],
  firewall: [
    'HA failover leaves sessions hanging on fw{n}',
    'Policy commit fails with validation error',
    'Throughput drops to 200 Mbit/s with IPS enabled',
    'NAT rule not matched for traffic to DMZ',
    'Firmware {version} upgrade: cluster member stuck in "syncing"',
  ],
  vpn: ['VPN drops every 5 minutes for remote users', 'Split tunnel routes not pushed to macOS clients', 'RADIUS authentication timeouts on VPN login'],
  siem: ['Log source {source} stopped sending events', 'Correlation rule produces hundreds of duplicate alerts', 'Search on last 30 days times out', 'EPS licence limit reached, events dropped'],
  soar: ['Playbook "{playbook}" fails at the enrichment step', 'Runner cannot reach ticketing integration', 'Duplicate incidents created from one alert'],
  identity: ['Directory sync misses users from OU {ou}', 'Users locked out after password policy change', 'SAML assertion rejected by {app}'],
  mfa: ['Push notifications delayed by several minutes', 'MFA enrolment link expired for new employees', 'Hardware tokens out of sync'],
  pam: ['Session recording not available for yesterday', 'Password rotation fails for service account {account}', 'Proxy drops RDP sessions after 10 minutes'],
  mail: ['Legitimate invoices from {partner} quarantined', 'Outbound mail delayed in queue', 'DMARC reports show failures after relay change'],
  cloud: ['Connector lost access to AWS account {aws}', 'Posture score dropped without changes', 'Azure subscription not discovered'],
  scanner: ['Authenticated scans fail for Linux hosts', 'Scan of 10.20.0.0/16 never finishes', 'Critical CVE not detected on patched host'],
};

export const FILL = {
  tool: ['PayrollSync', 'ReportBuilder', 'LabelPrint', 'ClaimsImport', 'EDIBridge'],
  source: ['FW-EDGE-01', 'dc01.corp', 'o365-audit', 'proxy-cluster', 'k8s-prod'],
  playbook: ['Phishing triage', 'Impossible travel', 'Malware containment', 'User offboarding'],
  ou: ['Finance', 'Logistics-DE', 'Contractors', 'Helsinki-HQ'],
  app: ['Salesforce', 'Workday', 'ServiceNow', 'Atlassian Cloud'],
  account: ['svc-backup', 'svc-sql01', 'svc-print', 'svc-erp'],
  partner: ['Nordic Freight', 'Acme Supplies', 'Medline Partners', 'Stadtwerke'],
  aws: ['prod-eu-1', 'shared-services', 'analytics'],
  area: ['devices', 'alerts', 'policies', 'reports'],
};

export const DESCRIPTIONS = [
  'Since {date} we see the following on {count} {things}: {symptom}\n\nEnvironment: {product} {version}, {platform}. Nothing was changed on our side as far as we know, but the Windows monthly updates were installed the weekend before.\n\nImpact: {impact}\n\nWhat we tried so far:\n- restarted the service on two affected machines\n- checked the firewall logs, no drops visible\n- compared the policy with a working site\n\nLogs are attached. Please advise.',
  'Hello support,\n\n{symptom}. This affects {count} {things} at our {site} site.\n\nWe are running {product} {version} on {platform}. The issue started after the change window on {date}.\n\nBusiness impact: {impact}\n\nCan you help us find the root cause? We can arrange a remote session in business hours (EET).',
  'We need help with the following: {symptom}.\n\nDetails:\n- Product: {product} {version}\n- Platform: {platform}\n- Affected: {count} {things}\n- First seen: {date}\n\n{impact} A diagnostics archive will follow as an attachment.',
];

export const SYMPTOM_LINES = [
  'the status turns red and the event log shows "connection reset by peer"',
  'the operation times out after 120 seconds without an error message',
  'users get an "access denied" page although their group membership is correct',
  'the service restarts every few minutes and writes a crash dump',
  'the dashboard shows no data for the last 24 hours',
  'alerts are raised twice for the same event',
];

export const IMPACTS = [
  'Production is affected; about 300 users cannot work normally.',
  'No direct production impact yet, but we cannot roll out the update before the audit.',
  'Security monitoring has a gap, which our CISO considers high risk.',
  'Minor inconvenience for the IT team; a workaround exists.',
];

export const SITES = ['Helsinki', 'Espoo', 'Hamburg', 'Berlin', 'Manchester', 'Tampere', 'Munich'];
export const THINGS = ['servers', 'laptops', 'workstations', 'gateways', 'user accounts', 'log sources'];

/** Comment threads: alternating support / customer lines, picked by how far the case has come. */
export const SUPPORT_LINES = [
  'Thank you for the details. I am looking into this now. Could you please attach the diagnostics archive ({agent} diag --collect) from one affected device?',
  'The logs show TLS handshake failures towards the management service. Is there a proxy doing TLS inspection between the devices and the internet?',
  'We reproduced the behaviour in our lab with {version}. Engineering is analysing it; I will update you by tomorrow noon.',
  'As a workaround, please set the check-in interval to 10 minutes in the policy and restart the service. Let me know if that helps.',
  'A fix is included in the hotfix {version}.1 that was released today. Please install it on one device first and confirm.',
  'Could you confirm whether the problem still occurs after these changes? If we do not hear back in 5 business days we will mark the case solved.',
  'I escalated this to our second-level team because of the business impact. They will contact you directly.',
  'Thanks for confirming. I am marking the case as solved; you can reopen it within 30 days if the problem returns.',
];

export const CUSTOMER_LINES = [
  'Diagnostics archive attached. The problem happened again this morning at 08:15.',
  'Yes, our proxy inspects TLS. We added an exception for manage.vendor.example and will monitor.',
  'The workaround helps on the test machines. When can we expect a permanent fix?',
  'We installed the hotfix on 20 devices, so far so good.',
  'Unfortunately the issue is back on two of the servers. Log excerpt below:\n\n2026-03-04 08:15:22 ERROR connection reset by peer (code 104)',
  'Thank you, the issue is resolved on our side.',
];

export const CLOSE_REASONS = ['Resolved by hotfix', 'Workaround is sufficient for us', 'Duplicate of another case', 'No longer needed'];
export const ESCALATION_REASONS = ['Production outage continues for more than 24 hours', 'No update received in three business days', 'Audit deadline next week, need a committed fix date'];

/**
 * One long thread (about 80 comments over six weeks) for the demo of paging in es-case-detail: an agent that keeps
 * losing its management connection at several sites, from first diagnostics to a staged hotfix rollout.
 * Round k of the thread uses LONG_THREAD.support[k] / customer[k] (the story moves on); the rounds between them use
 * a follow-up line, so support and customer take turns all the way.
 */
export const LONG_THREAD = {
  subject: '{agent} loses its connection to the management service at several sites',
  description: 'Since the upgrade to {version} the {agent} on our {things} loses its connection to the management service several times a day, first in {site}, now also at other sites. The devices show as offline in the console for 10-40 minutes and policy updates do not arrive meanwhile.\n\nImpact: about 300 devices, security team cannot verify protection status.',
  support: [
    'Thank you for the detailed report. To start, please attach the diagnostics archive ({agent} diag --collect) from one device in {site} right after it comes back online.',
    'The archive shows the agent giving up after three reconnect attempts with "connection reset by peer". Are the devices in {site} behind a proxy or a firewall that terminates idle connections?',
    'Thanks. An idle timeout of 300 seconds on the firewall would explain it: the agent keeps its channel open for 15 minutes between check-ins. Could you check the firewall session table during the next drop?',
    'Please try the keep-alive setting in the policy (Advanced > Connection > Keep-alive every 120 s) on a test group of about {count} devices.',
    'The keep-alive helped for the idle drops, but your new logs show a second pattern: TLS renegotiation failures at {time}. I have opened an engineering ticket for it.',
    'Engineering asks for a packet capture on one affected device during a drop. Instructions: https://support.example.com/kb/packet-capture (filter on port 443 and the management host).',
    'We reproduced the TLS failure in our lab with {version} when the management service rotates its certificate while a session is open. This is a defect in the agent.',
    'Engineering has a debug build that logs the certificate chain on every reconnect. Would you be able to install it on {n} devices in {site}?',
    'The debug logs confirm it: the agent caches the old intermediate certificate and rejects the new chain until the service restarts. A fix is being prepared.',
    'The planned fix is in hotfix {version}.3. Release is expected next week; I will let you know as soon as it is available.',
    'Hotfix {version}.3 is now available in the console under Updates. Please install it on a pilot group first.',
    'Thanks for the pilot results. The remaining warnings in your logs are expected during the first check-in after the upgrade.',
    'Our monitoring shows the pilot devices checking in every 15 minutes without gaps for three days now. You can continue the rollout whenever it suits you.',
    'The devices in {site} that failed the upgrade had less than 200 MB free disk space. The installer now says so in the console; freeing space and retrying should be enough.',
    'I checked the console statistics: {count} devices still run the old version. Do you plan to update those in the next maintenance window?',
    'Engineering also added a console alert when an agent rejects the certificate chain, so a repeat would be visible at once. It ships in the next console release.',
    'The drop you saw on {day} was a planned maintenance of the management service (announced on the status page), not this issue.',
    'Good news: the root cause analysis is published as KB article "Agents reject the management certificate after rotation". I linked it to this case.',
    'Everything looks stable on our side. Shall we keep the case open until the last site is updated?',
    'Thank you for the update. I will keep the case open until you confirm the last devices, then mark it solved.',
  ],
  customer: [
    'Diagnostics archive attached, taken from a laptop in {site} at {time}, five minutes after it came back online.',
    'Yes, all sites go through our central firewall cluster. I have asked our network team to check the idle timeout.',
    'The network team confirms an idle timeout of 300 seconds for outbound sessions. Changing it needs a change request, which takes about two weeks.',
    'Keep-alive enabled on {count} devices in {site} this morning. I will report back tomorrow.',
    'The idle drops are gone on the test group, but we still see about {n} drops a day, mostly around {time}.',
    'Packet capture attached (pcap, 18 MB, taken on a workstation in {site}). The drop is at 10:42:13 in the capture.',
    'Thanks for the quick reproduction. Is there anything we can do meanwhile? The security team is asking for a date.',
    'Debug build installed on {n} devices in {site}. Logs will follow after the next drop.',
    'Debug logs from two devices attached. Both show the drop right after the certificate warning.',
    'Understood. We will plan the rollout for our next maintenance window.',
    'Hotfix installed on the pilot group ({count} devices in {site}). No drops since this morning.',
    'Pilot looks good after two days. A few devices logged a warning about the certificate cache at the first start, see the attached excerpt.',
    'We started the rollout in {site} and {n} other sites. About 40 % of the devices are updated.',
    'Rollout status: done in Helsinki and Espoo, {count} devices in Tampere failed to upgrade with error 1603.',
    'Freeing disk space fixed the failed upgrades in Tampere. Thank you.',
    'Yes, the remaining devices are laptops that are rarely in the office. They will update automatically when they connect.',
    'We saw one drop on all devices on {day} for about 20 minutes. Is this related?',
    'OK, we were not subscribed to the status page. Done now.',
    'Great, I shared the KB article with our network team.',
    'Two sites are still in progress; we expect to finish by the end of next week.',
  ],
  supportFollowUps: [
    'Thank you, I added this to the engineering ticket.',
    'Noted. I will check the logs from {site} and get back to you today.',
    'Thanks. Could you also tell me the exact agent version on the affected devices ({agent} --version)?',
    'Received, thank you. I will update you as soon as engineering has looked at it.',
    'Thanks for checking. Let us keep monitoring for a day before changing anything else.',
  ],
  customerFollowUps: [
    'The version is {version} on all affected devices.',
    'Thanks, we will wait for your update.',
    'Another drop in {site} at {time} today, {n} devices affected. Logs attached.',
    'Our security team asks whether the devices stay protected while they are offline in the console.',
    'We will keep an eye on it and report anything new here.',
  ],
};
