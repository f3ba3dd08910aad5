// Sign-in through the municipality's identity provider, beside the PIN form it sits in. The link
// brings the browser back to this page; the node puts the new session's token in the fragment
// (#oidc=...), which is kept where the page's script reads it and removed from the address at once,
// or what went wrong (#oidc-error=code), which is said in words. Where PIN sign-in is off, the
// form's user name and PIN fields are hidden.
(function () {
  'use strict';
  const script = document.currentScript;
  const form = script.closest('form');
  const t = JSON.parse(document.getElementById('oidc-texts').textContent);
  const link = document.getElementById('oidc-signin');
  if (link) link.href = '/auth/oidc/login?return=' + encodeURIComponent(location.pathname);
  if (form && script.dataset.pin === 'false') {
    form.querySelectorAll('label, input, button[type=submit]').forEach(function (e) { e.hidden = true; });
  }
  const m = /^#oidc(-error)?=([A-Za-z0-9_]+)$/.exec(location.hash);
  if (!m) return;
  history.replaceState(null, '', location.pathname + location.search);
  if (m[1]) {
    const note = document.getElementById('oidc-note');
    note.textContent = t['signIn.error.' + m[2]] || t['signIn.error.failed'];
    note.hidden = false;
  } else {
    sessionStorage.setItem(script.dataset.tokenKey, m[2]);
  }
})();
