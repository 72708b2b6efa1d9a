import { EsLogin } from './login.js';

EsLogin.define();

export { EsLogin };
