// Knowledge-base article templates: product × symptom × platform. Each symptom carries real troubleshooting
// content (causes, steps, commands, how to verify); placeholders are filled from the product and platform.

export const PLATFORMS = [
  { id: 'win2022', name: 'Windows Server 2022', os: 'windows' },
  { id: 'win11', name: 'Windows 11', os: 'windows' },
  { id: 'ubuntu', name: 'Ubuntu 22.04 LTS', os: 'linux' },
  { id: 'rhel9', name: 'Red Hat Enterprise Linux 9', os: 'linux' },
  { id: 'macos', name: 'macOS 14 Sonoma', os: 'macos' },
  { id: 'win2019', name: 'Windows Server 2019', os: 'windows' },
  { id: 'debian', name: 'Debian 12', os: 'linux' },
];

export const VERSIONS = ['7.2', '7.3', '7.4', '8.0', '8.1'];

const svc = {
  status: { windows: 'Get-Service {service} | Format-List Name,Status,StartType', linux: 'sudo systemctl status {agent}', macos: 'sudo launchctl print system/com.vendor.{agent}' },
  restart: { windows: 'Restart-Service {service} -Force', linux: 'sudo systemctl restart {agent}', macos: 'sudo launchctl kickstart -k system/com.vendor.{agent}' },
  logs: { windows: 'Get-Content "C:\\ProgramData\\Vendor\\{service}\\logs\\{agent}.log" -Tail 200', linux: 'sudo journalctl -u {agent} --since "1 hour ago"', macos: 'log show --predicate \'process == "{agent}"\' --last 1h' },
  net: { windows: 'Test-NetConnection -ComputerName manage.vendor.example -Port {port}', linux: 'nc -vz manage.vendor.example {port}', macos: 'nc -vz manage.vendor.example {port}' },
  time: { windows: 'w32tm /query /status', linux: 'timedatectl status', macos: 'sntp -d time.apple.com' },
  cert: { windows: 'certutil -verify -urlfetch C:\\ProgramData\\Vendor\\{service}\\certs\\client.cer', linux: 'openssl s_client -connect manage.vendor.example:{port} -showcerts </dev/null', macos: 'openssl s_client -connect manage.vendor.example:{port} -showcerts </dev/null' },
  diag: { windows: '& "C:\\Program Files\\Vendor\\{service}\\{agent}.exe" diag --collect --out C:\\Temp\\diag.zip', linux: 'sudo /opt/vendor/{agent}/bin/{agent} diag --collect --out /tmp/diag.zip', macos: 'sudo /Library/Vendor/{agent}/{agent} diag --collect --out /tmp/diag.zip' },
};

/**
 * Symptoms that apply to every product. `kinds` limits a symptom to some product kinds.
 * Text fields may use {product} {agent} {service} {port} {platform} {version} {family}.
 */
export const SYMPTOMS = [
  {
    key: 'offline',
    title: '{agent} shows as offline in the management console',
    intro: 'Devices running {agent} are listed as offline or "last seen" hours ago in the {product} console, although the device is on and connected to the network.',
    causes: ['The {service} service is stopped or stuck after an operating system update.', 'A proxy or firewall blocks outbound TCP {port} to manage.vendor.example.', 'The device clock is more than five minutes off, so the TLS handshake or token check fails.'],
    steps: ['Check that the service is running.', 'Check outbound connectivity to the management service on port {port}.', 'Check the system time and time synchronisation.', 'Restart the service and wait two check-in intervals (10 minutes).'],
    code: [svc.status, svc.net, svc.time, svc.restart],
    verify: 'The device shows "Online" with a fresh "last seen" time in the console within ten minutes.',
  },
  {
    key: 'install-fails',
    title: 'Installation of {product} {version} fails with error 1603',
    intro: 'The installer of {product} {version} stops and rolls back on {platform}. The installer log ends with "return value 3" or exit code 1603.',
    causes: ['A previous version was not removed completely and left a pending reboot.', 'Another security product holds the kernel driver slot.', 'The installer runs without administrative rights or from a network share that blocks execution.'],
    steps: ['Reboot the device to finish any pending update, then run the installer again from a local folder.', 'Remove other endpoint security products first (see the compatibility list).', 'Run the installer with verbose logging and look for the first "error" line.', 'If the log mentions the driver, run the cleanup tool and reinstall.'],
    code: [{ windows: 'msiexec /i {agent}-{version}.msi /qn /l*v C:\\Temp\\install.log', linux: 'sudo dpkg -i {agent}_{version}_amd64.deb || sudo rpm -ivh {agent}-{version}.x86_64.rpm', macos: 'sudo installer -pkg {agent}-{version}.pkg -target / -verboseR' }, svc.logs],
    verify: 'The installer finishes with exit code 0 and the device registers in the console.',
  },
  {
    key: 'high-cpu',
    title: 'High CPU usage by {agent} after upgrading to {version}',
    intro: 'After the upgrade to {version}, {agent} uses 30-100 % CPU for long periods on {platform}, and users notice slow applications.',
    causes: ['A full scan or inventory runs at the same time as backup or indexing jobs.', 'Large folders with frequently changing files (build output, database files) are scanned on every write.', 'Verbose debug logging was left on after an earlier support case.'],
    steps: ['Check which module uses the CPU with the built-in diagnostics.', 'Add exclusions for database and build folders in the policy (never exclude user download folders).', 'Move scheduled scans outside business hours.', 'Turn debug logging off in the policy and restart the service.'],
    code: [svc.diag, svc.restart],
    verify: 'CPU usage of {agent} stays below 5 % on average over an hour of normal use.',
  },
  {
    key: 'cert-expired',
    title: 'Connection to {product} fails: certificate has expired or is not trusted',
    intro: '{agent} logs "certificate verify failed" or "unable to get local issuer certificate" and stops reporting.',
    causes: ['A TLS-inspecting proxy replaces the vendor certificate with its own, which the agent does not trust.', 'The device lacks the current root certificate after a CA rotation.', 'The client certificate of the device expired because the device was offline for more than 90 days.'],
    steps: ['Check which certificate the device actually receives.', 'Exclude manage.vendor.example from TLS inspection on the proxy.', 'Update the operating system root certificates.', 'If the client certificate expired, re-register the device with a new enrolment token.'],
    code: [svc.cert, svc.logs],
    verify: 'The certificate chain ends in the vendor root CA and the agent log shows "connected".',
  },
  {
    key: 'update-stuck',
    title: 'Definition or content updates for {product} are stuck',
    intro: 'The console shows outdated definitions or content packages for devices on {platform}, and manual update attempts time out.',
    causes: ['The update relay or cache server is full or unreachable.', 'Bandwidth throttling in the policy is set too low for the current package size.', 'The local update cache is corrupted.'],
    steps: ['Check connectivity to the update service.', 'Clear the local update cache and restart the service.', 'Raise the bandwidth limit in the update policy temporarily.', 'If a relay is used, check its free disk space (at least 20 GB).'],
    code: [svc.net, { windows: 'Remove-Item "C:\\ProgramData\\Vendor\\{service}\\cache\\*" -Recurse -Force', linux: 'sudo rm -rf /var/cache/{agent}/*', macos: 'sudo rm -rf /Library/Caches/com.vendor.{agent}/*' }, svc.restart],
    verify: 'The console shows the current content version for the device within 30 minutes.',
  },
  {
    key: 'sso-login',
    title: 'Single sign-on to the {product} console fails with "invalid_grant"',
    intro: 'Administrators cannot sign in to the {product} console through the company identity provider; the browser returns with "invalid_grant" or "state mismatch".',
    causes: ['The redirect URI registered at the identity provider does not exactly match the console URL.', 'The clocks of the identity provider and the console differ by more than the allowed skew.', 'The browser blocks third-party cookies in an embedded sign-in window.'],
    steps: ['Compare the redirect URI character by character, including the trailing slash.', 'Check time synchronisation on the identity provider.', 'Sign in from a private window to rule out stale cookies.', 'Turn on the console audit log to see the rejected claim.'],
    code: [svc.time],
    verify: 'An administrator signs in without error and the audit log shows the successful federation login.',
  },
  {
    key: 'quarantine-fp',
    kinds: ['endpoint', 'mail', 'mobile'],
    title: '{product} quarantines a legitimate file or message (false positive)',
    intro: 'A business application, script or email is blocked and moved to quarantine by {product}, although it is known to be safe.',
    causes: ['A heuristic or machine-learning rule matched an unsigned or newly built binary.', 'The file was compressed with a packer that malware also uses.', 'The sender domain has a missing or wrong SPF/DKIM record (email).'],
    steps: ['Find the detection name and the file hash in the console event.', 'Submit the sample to the vendor lab through the case (zip it with password "infected").', 'Restore the item from quarantine and add a hash-based exception, not a folder exception.', 'Remove the exception when the lab has fixed the detection.'],
    code: [{ windows: 'Get-FileHash -Algorithm SHA256 "C:\\Path\\to\\file.exe"', linux: 'sha256sum /path/to/file', macos: 'shasum -a 256 /path/to/file' }],
    verify: 'The item is restored and the next scan does not detect it again.',
  },
  {
    key: 'ruleset-commit',
    kinds: ['firewall', 'vpn'],
    title: 'Committing the {product} policy fails with "validation error" on {platform} management host',
    intro: 'A policy change cannot be committed; the management host reports a validation error and the running policy stays on the previous revision.',
    causes: ['An address object is referenced by a rule but was deleted.', 'Two NAT rules overlap and shadow each other.', 'The commit lock is held by another administrator session that was not closed.'],
    steps: ['Run the policy validation from the CLI to see the full error list.', 'Fix or remove rules that reference missing objects.', 'Release a stale commit lock after confirming nobody else is editing.', 'Commit again and check the revision history.'],
    code: [{ windows: 'ssh admin@fw01 "{agent} policy validate --verbose"', linux: '{agent} policy validate --verbose', macos: '{agent} policy validate --verbose' }, { windows: 'ssh admin@fw01 "{agent} commit-lock release --force"', linux: '{agent} commit-lock release --force', macos: '{agent} commit-lock release --force' }],
    verify: 'The commit completes and the new revision is shown as active on every cluster member.',
  },
  {
    key: 'vpn-disconnect',
    kinds: ['vpn', 'firewall'],
    title: 'VPN tunnel drops every few minutes ({product})',
    intro: 'Remote users on {platform} lose the VPN connection every 2-10 minutes; the client log shows "peer not responding" or "DPD timeout".',
    causes: ['A NAT device on the path drops idle UDP mappings faster than the keepalive interval.', 'MTU problems fragment large packets, which some networks drop.', 'Two gateways in the cluster answer for the same tunnel after a failover.'],
    steps: ['Lower the keepalive (dead peer detection) interval to 10 seconds.', 'Lower the tunnel MTU to 1380 and enable MSS clamping.', 'Check the cluster state and make sure only one member is active for the tunnel.', 'Collect the client log with debug level and attach it to the case.'],
    code: [{ windows: 'ping -f -l 1352 intranet.example', linux: 'ping -M do -s 1352 intranet.example', macos: 'ping -D -s 1352 intranet.example' }, svc.logs],
    verify: 'The tunnel stays up for a full working day without reconnects in the client log.',
  },
  {
    key: 'log-ingest',
    kinds: ['siem', 'soar'],
    title: '{product} stops ingesting events from a log source',
    intro: 'A log source stops appearing in {product} search results, and the ingestion dashboard shows zero events per second for it.',
    causes: ['The collector queue is full because the license EPS limit was reached.', 'The source changed its timestamp format after an upgrade, so events are parsed into the future.', 'TLS syslog on port {port} fails after the collector certificate was renewed.'],
    steps: ['Check the collector status and queue size.', 'Search for events of the source with "time > now" to spot timestamp parsing issues.', 'Verify the syslog TLS connection from the source.', 'Restart the collector after fixing the parser or certificate.'],
    code: [svc.status, { windows: 'openssl s_client -connect collector01:{port}', linux: 'openssl s_client -connect collector01:{port}', macos: 'openssl s_client -connect collector01:{port}' }, svc.restart],
    verify: 'The ingestion dashboard shows events from the source again, with correct timestamps.',
  },
  {
    key: 'mfa-push',
    kinds: ['mfa', 'identity', 'pam'],
    title: 'MFA push notifications from {product} do not arrive',
    intro: 'Users do not receive push notifications to approve sign-ins; the sign-in page waits until it times out.',
    causes: ['The phone has battery optimisation that stops the authenticator app in the background.', 'The device registration is bound to an old phone after a phone change.', 'The RADIUS proxy on port {port} times out before the user answers.'],
    steps: ['Ask the user to open the authenticator app and pull to refresh.', 'Re-register the device from the self-service page if the phone changed.', 'Raise the RADIUS timeout on the VPN or firewall to 60 seconds.', 'Offer a one-time passcode as a fallback.'],
    code: [svc.logs],
    verify: 'A test sign-in produces a push notification within five seconds.',
  },
  {
    key: 'directory-sync',
    kinds: ['identity', 'pam', 'mfa'],
    title: 'Directory synchronisation to {product} fails for some users',
    intro: 'Some users are missing or outdated in {product}; the sync report lists "attribute conflict" or "LDAP error 49".',
    causes: ['The sync service account password expired (LDAP error 49).', 'Two directory objects have the same email address, so the join rule fails.', 'LDAPS on port {port} uses a certificate the sync agent does not trust.'],
    steps: ['Test the bind with the sync account.', 'Find duplicate email addresses in the directory and fix them.', 'Import the directory CA certificate into the agent trust store.', 'Run a full synchronisation and read the report.'],
    code: [{ windows: 'Get-ADUser -Filter "mail -like \'*\'" -Properties mail | Group-Object mail | Where-Object Count -gt 1', linux: 'ldapsearch -H ldaps://dc01:{port} -D "svc-sync@corp.example" -W -b "dc=corp,dc=example" "(mail=*)" mail', macos: 'ldapsearch -H ldaps://dc01:{port} -D "svc-sync@corp.example" -W -b "dc=corp,dc=example" "(mail=*)" mail' }, svc.restart],
    verify: 'The sync report shows no errors and the missing users appear in {product}.',
  },
  {
    key: 'scan-timeout',
    kinds: ['scanner', 'cloud'],
    title: '{product} scans time out or report hosts as unreachable',
    intro: 'Scheduled scans finish with "host unreachable" or "scan timed out" for hosts that are online.',
    causes: ['A host firewall drops the scanner probes.', 'The scan credentials lack rights for authenticated checks.', 'Too many parallel checks saturate a slow WAN link.'],
    steps: ['Allow the scanner address in host firewalls for the scan window.', 'Test the scan credentials on one host.', 'Lower the number of parallel hosts per scanner to 10 for WAN targets.', 'Re-run the scan for the affected range.'],
    code: [svc.net, svc.logs],
    verify: 'The scan finishes and the hosts have authenticated results.',
  },
];

/** Finnish-free, plain English article body as safe HTML (only p, h2, ul/ol/li, pre/code, strong). */
export function articleHtml(s, fill, os) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const f = (t) => esc(fill(t));
  const commands = s.code.map((c) => f(c[os] ?? c.linux)).join('\n');
  return [
    `<p>${f(s.intro)}</p>`,
    '<h2>Applies to</h2>',
    `<p>${f('{product} {version} on {platform}.')}</p>`,
    '<h2>Cause</h2>',
    `<ul>${s.causes.map((c) => `<li>${f(c)}</li>`).join('')}</ul>`,
    '<h2>Resolution</h2>',
    `<ol>${s.steps.map((c) => `<li>${f(c)}</li>`).join('')}</ol>`,
    `<p>Commands for ${esc(fill('{platform}'))}:</p>`,
    `<pre><code>${commands}</code></pre>`,
    '<h2>Verify</h2>',
    `<p>${f(s.verify)}</p>`,
    '<p><strong>Still not working?</strong> Open a support case and attach the diagnostics archive and the log excerpt above.</p>',
  ].join('\n');
}
