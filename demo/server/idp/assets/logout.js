// Submits the RP-initiated sign-out confirmation when the page asks for it (data-auto-submit on <body>).
document.addEventListener('DOMContentLoaded', () => {
  if (document.body.dataset.autoSubmit !== 'true') return;
  const yes = document.getElementById('logout-yes');
  if (yes) yes.click();
});
