// Finnish translations for es-account-request (ids 'account-request.*').
export const templates = {};
