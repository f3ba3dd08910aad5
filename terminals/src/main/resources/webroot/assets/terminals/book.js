// Booking a time (/book) and the booking's private page (/b/{secret}): choose place, service, day
// and a free time; give a name (and a phone or e-mail for a reminder); see the code, its QR code
// and the private link; move or cancel. Danish first, English at a press.
(function () {
  const all = JSON.parse(document.getElementById('texts').textContent);
  const el = Live.el;
  const $ = function (id) { return document.getElementById(id); };
  const ZONE = 'Europe/Copenhagen';
  let lang = 'da';
  let t = all.da;
  let bookable = [];
  let chosen = null; // the chosen slot's start
  let booking = null;
  let moving = false;
  let secret = document.body.dataset.secret || null;

  function api(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; });
    });
  }

  function say(text) {
    $('message').textContent = text || '';
  }

  function name(text) {
    return text ? (lang === 'en' && text.en ? text.en : text.da) : '';
  }

  function time(iso) {
    const d = new Date(iso);
    const locale = lang === 'en' ? 'en-GB' : 'da-DK';
    return new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long',
      hour: '2-digit', minute: '2-digit' }).format(d);
  }

  function clock(iso) {
    return new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  }

  function selected() {
    const v = $('service').value.split('/');
    const branch = bookable.find(function (b) { return b.id === v[0]; });
    return { branch: v[0], service: v[1], def: branch && branch.services.find(function (s) { return s.id === v[1]; }) };
  }

  function texts() {
    document.documentElement.lang = lang;
    ['title', 'service', 'date', 'slots', 'name', 'phone', 'email'].forEach(function (k) {
      const e = $(k === 'title' ? 'b-title' : 'l-' + k);
      if (e) e.textContent = t['book.' + k];
    });
    $('privacy').textContent = t['book.privacy'];
    $('submit').textContent = moving ? t['book.moveSubmit'] : t['book.submit'];
    $('b-code-label').textContent = t['book.code'];
    $('b-link-label').textContent = t['book.link'];
    $('move').textContent = t['book.move'];
    $('cancel').textContent = t['book.cancel'];
    $('language').textContent = lang === 'da' ? 'English' : 'Dansk';
    $('language').lang = lang === 'da' ? 'en' : 'da';
    fillServices();
    if (booking) showBooking(booking);
  }

  function fillServices() {
    const keep = $('service').value;
    $('service').replaceChildren();
    bookable.forEach(function (b) {
      b.services.forEach(function (s) {
        $('service').appendChild(el('option', { value: b.id + '/' + s.id, text: b.name + ' – ' + name(s.name) }));
      });
    });
    if (keep) $('service').value = keep;
    const s = selected();
    $('bring').textContent = s.def && s.def.bring ? Live.format(t['book.bring'], { bring: name(s.def.bring) }) : '';
    if (s.def) {
      $('date').min = today();
      const max = new Date(Date.now() + s.def.daysAhead * 86400000);
      $('date').max = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(max);
    }
  }

  function loadSlots() {
    const s = selected();
    chosen = null;
    $('slots').replaceChildren();
    if (!s.def || !$('date').value) return;
    api('GET', '/api/branches/' + s.branch + '/services/' + s.service + '/slots?date=' + $('date').value).then(function (r) {
      const free = (r.body.slots || []).filter(function (x) { return x.free > 0; });
      if (r.body.closed) {
        // The branch is closed that day: why, and the next time that can be booked.
        const c = r.body.closed;
        const why = Live.format(t[c.reason ? 'book.closedBecause' : 'book.closed'], { reason: name(c.reason) });
        const next = c.nextSlot ? ' ' + Live.format(t['book.nextSlot'], { time: time(c.nextSlot) }) : '';
        $('slots').appendChild(el('p', { class: 'closed', text: why + next }));
        return;
      }
      if (!free.length) {
        $('slots').appendChild(el('p', { text: t['book.noSlots'] }));
        return;
      }
      free.forEach(function (x) {
        const id = 'slot-' + x.start.replace(/[^0-9]/g, '');
        $('slots').appendChild(el('label', { class: 'slot', for: id }, [
          el('input', { type: 'radio', name: 'slot', id: id, value: x.start,
            onchange: function () { chosen = x.start; } }),
          clock(x.start)
        ]));
      });
    });
  }

  function submit(e) {
    e.preventDefault();
    if (!chosen) {
      say(t['book.chooseSlot']);
      return;
    }
    const s = selected();
    const request = moving
      ? api('POST', '/api/bookings/' + secret + '/move', { start: chosen })
      : api('POST', '/api/branches/' + s.branch + '/bookings', { service: s.service, start: chosen,
        name: $('name').value, phone: $('phone').value, email: $('email').value, language: lang });
    request.then(function (r) {
      if (r.status !== 200 && r.status !== 201) {
        say(t['book.' + r.body.error] || Live.format(t['book.error'], { message: r.body.message || r.status }));
        if (r.body.error === 'slot_full' || r.body.error === 'slot_past') loadSlots();
        return;
      }
      say('');
      moving = false;
      secret = r.body.secret || secret;
      history.replaceState(null, '', '/b/' + secret);
      showBooking(r.body, true);
    });
  }

  function showBooking(b, fresh) {
    booking = b;
    $('choose').hidden = true;
    $('booking').hidden = false;
    const heading = { booked: fresh ? 'book.booked' : 'book.yourBooking', cancelled: 'book.cancelled',
      'checked_in': 'book.checkedIn', no_show: 'book.noShow' }[b.state] || 'book.yourBooking';
    $('b-heading').textContent = t[heading];
    $('b-when').textContent = name(b.serviceName) + ', ' + time(b.start);
    $('b-code').textContent = b.code;
    $('b-qr').src = '/book/code/' + b.code + '/qr.svg';
    $('b-qr').alt = t['book.qrLabel'] + ': ' + b.code;
    $('b-bring').textContent = b.bring ? Live.format(t['book.bring'], { bring: name(b.bring) }) : '';
    $('b-howto').textContent = t['book.howto'];
    const link = location.origin + '/b/' + secret;
    $('b-link').href = link;
    $('b-link').textContent = link;
    const open = b.state === 'booked';
    $('move').hidden = !open;
    $('cancel').hidden = !open;
    if (fresh) $('b-heading').focus();
  }

  function startMove() {
    moving = true;
    $('booking').hidden = true;
    $('choose').hidden = false;
    $('person').hidden = true;
    $('service').value = booking.branch + '/' + booking.service;
    $('service').disabled = true;
    fillServices();
    $('submit').textContent = t['book.moveSubmit'];
    say(t['book.moveTo']);
    $('date').value = booking.start.substring(0, 10);
    loadSlots();
  }

  function cancel() {
    if (!window.confirm(t['book.confirmCancel'])) return;
    api('DELETE', '/api/bookings/' + secret).then(function (r) {
      if (r.status === 200) showBooking(r.body);
      else say(Live.format(t['book.error'], { message: r.body.message || r.status }));
    });
  }

  $('b-heading').tabIndex = -1;
  $('language').addEventListener('click', function () {
    lang = lang === 'da' ? 'en' : 'da';
    t = all[lang];
    texts();
  });
  $('service').addEventListener('change', function () { fillServices(); loadSlots(); });
  $('date').addEventListener('change', loadSlots);
  $('choose').addEventListener('submit', submit);
  $('move').addEventListener('click', startMove);
  $('cancel').addEventListener('click', cancel);

  api('GET', '/api/bookable').then(function (r) {
    bookable = r.body || [];
    if (secret) {
      api('GET', '/api/bookings/' + secret).then(function (b) {
        if (b.status === 200) showBooking(b.body);
        else say(t['book.notFound']);
        texts();
      });
      return;
    }
    $('choose').hidden = false;
    texts();
    $('date').value = today();
    loadSlots();
  });
})();
