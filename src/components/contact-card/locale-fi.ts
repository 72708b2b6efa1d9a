// Finnish translations for es-contact-card (ids 'contact-card.*').
export const templates = {};
