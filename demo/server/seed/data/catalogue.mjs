// Products, organisations, users and support staff of the demo (team brief: shared demo facts).

export const PRODUCTS = [
  { id: 'aegis-endpoint', name: 'Aegis Endpoint Protection', family: 'Endpoint protection', kind: 'endpoint', agent: 'aegis-agent', service: 'AegisAgent', port: 8443 },
  { id: 'aegis-edr', name: 'Aegis EDR', family: 'Endpoint detection and response', kind: 'endpoint', agent: 'aegis-edr-sensor', service: 'AegisSensor', port: 8443 },
  { id: 'aegis-mobile', name: 'Aegis Mobile Defense', family: 'Endpoint protection', kind: 'mobile', agent: 'Aegis Mobile app', service: 'AegisMDM', port: 443 },
  { id: 'bastion-ngfw', name: 'Bastion Next-Gen Firewall', family: 'Network security', kind: 'firewall', agent: 'bastion-cli', service: 'bastiond', port: 4443 },
  { id: 'bastion-vpn', name: 'Bastion VPN Gateway', family: 'Network security', kind: 'vpn', agent: 'bastion-vpn-client', service: 'bvpnd', port: 1194 },
  { id: 'lumen-siem', name: 'Lumen SIEM', family: 'Security operations', kind: 'siem', agent: 'lumen-collector', service: 'lumen-collector', port: 6514 },
  { id: 'lumen-soar', name: 'Lumen SOAR', family: 'Security operations', kind: 'soar', agent: 'lumen-runner', service: 'lumen-runner', port: 9443 },
  { id: 'keystone-iam', name: 'Keystone Identity', family: 'Identity and access', kind: 'identity', agent: 'keystone-sync', service: 'KeystoneSync', port: 636 },
  { id: 'keystone-mfa', name: 'Keystone MFA', family: 'Identity and access', kind: 'mfa', agent: 'keystone-radius', service: 'keystone-radius', port: 1812 },
  { id: 'vault-pam', name: 'Vault Privileged Access', family: 'Identity and access', kind: 'pam', agent: 'vault-proxy', service: 'VaultProxy', port: 8444 },
  { id: 'harbor-mail', name: 'Harbor Email Security', family: 'Email security', kind: 'mail', agent: 'harbor-relay', service: 'harbor-relay', port: 25 },
  { id: 'skyline-cspm', name: 'Skyline Cloud Posture', family: 'Cloud security', kind: 'cloud', agent: 'skyline-connector', service: 'skyline-connector', port: 443 },
  { id: 'tracer-vuln', name: 'Tracer Vulnerability Scanner', family: 'Vulnerability management', kind: 'scanner', agent: 'tracer-scanner', service: 'tracer-scanner', port: 8834 },
];

export const ORGANISATIONS = [
  { id: 'org-nordic-bank', name: 'Nordic Bank Oyj', accountId: 'ACC-104233', products: ['aegis-endpoint', 'aegis-edr', 'bastion-ngfw', 'bastion-vpn', 'lumen-siem', 'keystone-iam', 'keystone-mfa', 'vault-pam', 'harbor-mail'] },
  { id: 'org-fabrikam', name: 'Fabrikam Logistics GmbH', accountId: 'ACC-220871', products: ['aegis-endpoint', 'aegis-mobile', 'bastion-ngfw', 'bastion-vpn', 'keystone-mfa', 'skyline-cspm', 'tracer-vuln'] },
  { id: 'org-contoso', name: 'Contoso Health Ltd', accountId: 'ACC-318560', products: ['aegis-endpoint', 'aegis-edr', 'lumen-siem', 'lumen-soar', 'keystone-iam', 'harbor-mail', 'tracer-vuln'] },
];

/**
 * Seeded Business Accounts. portal: 'enabled' | 'pending' | 'none'. Password for all: Support!2026.
 */
export const USERS = [
  { email: 'anna.virtanen@nordicbank.example', firstName: 'Anna', lastName: 'Virtanen', org: 'org-nordic-bank', portal: 'enabled', role: 'admin', phone: '+358 40 555 0142' },
  { email: 'mikko.laine@nordicbank.example', firstName: 'Mikko', lastName: 'Laine', org: 'org-nordic-bank', portal: 'enabled', role: 'member', phone: '+358 50 555 0178' },
  { email: 'pekka.pending@nordicbank.example', firstName: 'Pekka', lastName: 'Pending', org: 'org-nordic-bank', portal: 'pending', role: 'member' },
  { email: 'john.smith@fabrikam.example', username: 'jsmith', firstName: 'John', lastName: 'Smith', org: 'org-fabrikam', portal: 'enabled', role: 'admin', phone: '+49 30 5555 0193' },
  { email: 'greta.berg@fabrikam.example', firstName: 'Greta', lastName: 'Berg', org: 'org-fabrikam', portal: 'enabled', role: 'member', phone: '+49 40 5555 0111' },
  { email: 'lukas.meyer@fabrikam.example', firstName: 'Lukas', lastName: 'Meyer', org: 'org-fabrikam', portal: 'enabled', role: 'member' },
  { email: 'sarah.jones@contoso.example', firstName: 'Sarah', lastName: 'Jones', org: 'org-contoso', portal: 'enabled', role: 'admin', phone: '+44 20 7946 0958' },
  { email: 'david.chen@contoso.example', firstName: 'David', lastName: 'Chen', org: 'org-contoso', portal: 'enabled', role: 'member' },
  { email: 'olli.noaccess@example.com', firstName: 'Olli', lastName: 'Noaccess', org: null, portal: 'none' },
];

export const DEMO_PASSWORD = 'Support!2026';

export const SUPPORT_ENGINEERS = [
  { id: 'support-eeva', name: 'Eeva Korhonen (Support)' },
  { id: 'support-jonas', name: 'Jonas Weber (Support)' },
  { id: 'support-priya', name: 'Priya Raman (Support)' },
  { id: 'support-marcus', name: 'Marcus Lee (Support)' },
  { id: 'support-sofia', name: 'Sofia Lindqvist (Support)' },
];
