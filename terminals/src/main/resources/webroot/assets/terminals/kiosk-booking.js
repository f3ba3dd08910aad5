// The kiosk's "Jeg har en tid": the citizen types the booking's code, or a barcode scanner reads
// the QR code of the confirmation and types it followed by Enter; the kiosk checks in and says the
// number and when it will be called. Kept apart from kiosk.js: it only adds its own section.
(function () {
  const all = JSON.parse(document.getElementById('texts').textContent);
  const $ = function (id) { return document.getElementById(id); };
  const branch = document.body.dataset.branch;
  const zone = document.body.dataset.zone;
  const BACK_MS = 20000;
  let back = null;

  function t() {
    return all[document.documentElement.lang === 'en' ? 'en' : 'da'];
  }

  function reset() {
    $('hb-form').hidden = true;
    $('hb-code').value = '';
    $('hb-result').textContent = '';
    $('hb-open').hidden = false;
  }

  // The kiosk switches language by the page's lang: the button follows it.
  new MutationObserver(function () { $('hb-open').textContent = t()['kiosk.haveBooking']; })
    .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  $('hb-open').addEventListener('click', function () {
    const texts = t();
    $('hb-label').textContent = texts['kiosk.bookingCode'];
    $('hb-submit').textContent = texts['kiosk.checkIn'];
    $('hb-open').hidden = true;
    $('hb-form').hidden = false;
    $('hb-result').textContent = '';
    $('hb-code').focus();
    clearTimeout(back);
    back = setTimeout(reset, BACK_MS);
  });

  $('hb-form').addEventListener('submit', function (e) {
    e.preventDefault();
    const texts = t();
    const code = $('hb-code').value.trim().toUpperCase();
    if (!code) return;
    // The kiosk's device key (kept by kiosk.js) lets it check in as many citizens as it issues tickets.
    const kiosk = document.body.dataset.kiosk;
    const headers = { 'Content-Type': 'application/json' };
    const deviceKey = localStorage.getItem('queue.deviceKey.' + kiosk);
    if (deviceKey) headers['X-Device-Key'] = deviceKey;
    fetch('/api/branches/' + branch + '/check-in', {
      method: 'POST', headers: headers,
      body: JSON.stringify(deviceKey ? { code: code, kiosk: kiosk } : { code: code })
    }).then(function (r) {
      return r.json().then(function (b) { return { status: r.status, body: b }; });
    }).then(function (r) {
      if (r.status === 201) {
        const at = new Intl.DateTimeFormat('da-DK', { timeZone: zone, hour: '2-digit', minute: '2-digit' })
          .format(new Date(r.body.start));
        $('hb-result').textContent = Live.format(texts['kiosk.checkedIn'], { number: r.body.ticket.number, time: at });
        $('hb-form').hidden = true;
      } else {
        const from = r.body.opensAt ? new Intl.DateTimeFormat('da-DK', { timeZone: zone, hour: '2-digit',
          minute: '2-digit' }).format(new Date(r.body.opensAt)) : '';
        $('hb-result').textContent = Live.format(texts['kiosk.' + r.body.error] || r.body.message || '', { time: from });
        $('hb-code').select();
      }
      clearTimeout(back);
      back = setTimeout(reset, BACK_MS);
    });
  });
})();
