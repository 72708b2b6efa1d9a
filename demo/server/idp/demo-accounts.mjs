// The demo Business Accounts named in the team brief. The API's seed (demo/server/seed/seed.mjs) creates them
// together with organisations and portal users; the stack falls back to these alone when that seed is absent.
import { createAccount, findAccountByEmail } from './accounts.mjs';

export const DEMO_PASSWORD = 'Support!2026';

/** @type {{ email: string, firstName: string, lastName: string, username?: string }[]} */
export const DEMO_ACCOUNTS = [
  { email: 'anna.virtanen@nordicbank.example', firstName: 'Anna', lastName: 'Virtanen' },
  { email: 'mikko.laine@nordicbank.example', firstName: 'Mikko', lastName: 'Laine' },
  { email: 'pekka.pending@nordicbank.example', firstName: 'Pekka', lastName: 'Pending' },
  { email: 'john.smith@fabrikam.example', firstName: 'John', lastName: 'Smith', username: 'jsmith' },
  { email: 'olli.noaccess@example.com', firstName: 'Olli', lastName: 'Noaccess' },
  { email: 'greta.berg@fabrikam.example', firstName: 'Greta', lastName: 'Berg' },
  { email: 'lukas.meyer@fabrikam.example', firstName: 'Lukas', lastName: 'Meyer' },
  { email: 'sarah.jones@contoso.example', firstName: 'Sarah', lastName: 'Jones' },
  { email: 'david.chen@contoso.example', firstName: 'David', lastName: 'Chen' },
];

/** Creates the demo Business Accounts that do not exist yet (password DEMO_PASSWORD). Returns the accounts. */
export function seedDemoAccounts(db, { password = DEMO_PASSWORD } = {}) {
  return DEMO_ACCOUNTS.map((a) => findAccountByEmail(db, a.email) ?? createAccount(db, { ...a, password }));
}
