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
