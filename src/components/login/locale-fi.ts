// Finnish translations for es-login (ids 'login.*').
export const templates = {};
