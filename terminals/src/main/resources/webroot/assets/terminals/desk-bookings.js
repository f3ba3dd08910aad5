// The desk's list of the next hour's booked times, with the citizen's name (staff only), whether
// they have checked in, and buttons to call a checked-in booking or mark a late one as a no-show.
// Read with the desk's sign-in; refreshed every 20 seconds and after each action.
(function () {
  const t = JSON.parse(document.getElementById('texts').textContent);
  const $ = function (id) { return document.getElementById(id); };
  const el = Live.el;
  const branch = document.body.dataset.branch;
  const deskId = document.body.dataset.desk;
  const REFRESH_MS = 20000;

  function token() {
    return sessionStorage.getItem('desk-token');
  }

  function call(method, path) {
    return fetch(path, { method: method, headers: { Authorization: 'Bearer ' + token() } })
      .then(function (r) { return r.json().catch(function () { return null; }).then(function (b) { return { status: r.status, body: b }; }); });
  }

  function clock(iso) {
    return new Intl.DateTimeFormat('da-DK', { timeZone: document.body.dataset.zone || 'Europe/Copenhagen',
      hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  function refresh() {
    if (!token() || $('work').hidden) {
      $('bookings').hidden = true;
      return;
    }
    call('GET', '/api/branches/' + encodeURIComponent(branch) + '/bookings?minutes=60').then(function (r) {
      if (r.status !== 200) return;
      $('bookings').hidden = false;
      const list = r.body.filter(function (b) { return b.state === 'booked' || b.state === 'checked_in'; });
      $('bk-list').replaceChildren();
      if (!list.length) $('bk-list').appendChild(el('li', { text: t['desk.noBookings'] }));
      list.forEach(function (b) {
        const waiting = b.ticket && b.ticket.state === 'waiting';
        const late = b.state === 'booked' && new Date(b.start) <= new Date();
        $('bk-list').appendChild(el('li', { class: 'booking ' + b.state, 'data-code': b.code }, [
          el('strong', { text: clock(b.start) }), ' ', b.name, ' · ', b.serviceName ? b.serviceName.da : b.service,
          ' · ', b.ticket ? b.ticket.number : b.code,
          waiting ? el('button', { type: 'button', class: 'small bk-call', text: t['desk.bookingCall'],
            onclick: function () {
              fetch('/api/branches/' + encodeURIComponent(branch) + '/desks/' + encodeURIComponent(deskId) + '/call', {
                method: 'POST', headers: { Authorization: 'Bearer ' + token(), 'Content-Type': 'application/json' },
                body: JSON.stringify({ ticket: b.ticket.id })
              }).then(refresh);
            } }) : null,
          late ? el('button', { type: 'button', class: 'secondary small bk-no-show', text: t['desk.bookingNoShow'],
            onclick: function () {
              call('POST', '/api/branches/' + encodeURIComponent(branch) + '/bookings/' + b.code + '/no-show').then(refresh);
            } }) : null
        ]));
      });
    });
  }

  setInterval(refresh, REFRESH_MS);
  new MutationObserver(refresh).observe($('work'), { attributes: true, attributeFilter: ['hidden'] });
  refresh();
})();
