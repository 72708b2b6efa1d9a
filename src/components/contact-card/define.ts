import { EsContactCard } from './contact-card.js';

EsContactCard.define();

export { EsContactCard };
