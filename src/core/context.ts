import { createContext } from '@lit/context';
import type { SupportApi } from './api-types.js';
import type { EsConfig } from './config.types.js';
import type { Session } from './session-types.js';

/** Configuration (validated) provided by es-provider. */
export const configContext = createContext<EsConfig | undefined>(Symbol.for('eservice-widgets/config'));
/** The session (sign-in state, tokens) provided by es-provider. */
export const sessionContext = createContext<Session | undefined>(Symbol.for('eservice-widgets/session'));
/** The typed support API provided by es-provider. */
export const apiContext = createContext<SupportApi | undefined>(Symbol.for('eservice-widgets/api'));
