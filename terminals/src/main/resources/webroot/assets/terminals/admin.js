// The administration page: sign in, then change closed days and PINs through the administrator API.
(function () {
  'use strict';
  const $ = function (id) { return document.getElementById(id); };
  const t = JSON.parse($('texts').textContent);
  const settings = JSON.parse($('settings').textContent);
  const el = Live.el;
  let token = null;
  let version = null;
  let holidays = [];
  let days = [];

  function say(text) { $('message').textContent = text; }

  function api(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return Live.request(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) return r;
        return r.json().then(function (e) { throw new Error(e.message); });
      });
  }

  function branch() { return settings.branches.find(function (b) { return b.id === $('branch').value; }); }

  // The configuration's form of an entry: {holiday} or {date} or {from, to}, hours "09:00-14:00", reason.
  function fileForm(d) {
    const e = {};
    if (d.holiday) e.holiday = d.holiday;
    else if (!d.to || d.to === d.from) e.date = d.from;
    else { e.from = d.from; e.to = d.to; }
    if (d.hours && d.hours.length) {
      e.hours = d.hours.map(function (r) { return r.open.substring(0, 5) + '-' + (r.close.substring(0, 5) === '00:00' ? '24:00' : r.close.substring(0, 5)); }).join(', ');
    }
    if (d.reason) e.reason = d.reason;
    return e;
  }

  function refresh() {
    return api('GET', '/api/admin/config').then(function (r) {
      version = Number((r.headers.get('ETag') || '0').replace(/"/g, ''));
      $('version').textContent = Live.format(t['admin.versionIs'], { v: version });
      return api('GET', '/api/admin/audit');
    }).then(function (r) { return r.json(); }).then(function (audit) {
      $('audit').replaceChildren.apply($('audit'), audit.map(function (a) {
        return el('tr', {}, [el('td', { text: String(a.version) }), el('td', { text: new Date(a.at).toLocaleString('da-DK') }),
          el('td', { text: a.by }), el('td', { text: a.change })]);
      }));
    });
  }

  function drawDays() {
    const chosen = days.filter(function (d) { return d.holiday; }).map(function (d) { return d.holiday; });
    $('holidays').replaceChildren.apply($('holidays'), [{ key: 'helligdage', name: { da: t['admin.allPublic'] } }].concat(holidays)
      .map(function (h) {
        const box = el('input', { type: 'checkbox', id: 'h-' + h.key, value: h.key });
        box.checked = chosen.indexOf(h.key) >= 0;
        box.onchange = function () {
          days = days.filter(function (d) { return d.holiday !== h.key; });
          if (box.checked) days.push({ holiday: h.key });
        };
        return el('p', {}, [box, ' ', el('label', { for: 'h-' + h.key, text: h.name.da + (h.date ? ' (' + h.date + ')' : '') })]);
      }));
    $('own').replaceChildren.apply($('own'), days.filter(function (d) { return !d.holiday; }).map(function (d) {
      const f = fileForm(d);
      const text = (f.date || f.from + ' – ' + f.to) + (f.hours ? ' ' + f.hours : ' ' + t['admin.closed']) + (d.reason ? ' (' + d.reason.da + ')' : '');
      const remove = el('button', { type: 'button', text: t['admin.remove'], 'aria-label': t['admin.remove'] + ' ' + text });
      remove.onclick = function () { days = days.filter(function (x) { return x !== d; }); drawDays(); };
      return el('li', {}, [text + ' ', remove]);
    }));
  }

  function chooseBranch() {
    days = branch().closedDays.slice();
    drawDays();
  }

  $('signin').onsubmit = function (ev) {
    ev.preventDefault();
    Live.request('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('user').value, pin: $('pin').value }) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b.message); return b; }); })
      .then(function (b) { return enter(b.token); })
      .catch(function (e) { say(e.message); });
  };

  // With the token of a sign-in, by PIN or through the identity provider (oidc.js).
  function enter(signedIn) {
    token = signedIn;
    return refresh()
      .then(function () { return Live.request('/api/holidays?year=' + new Date().getFullYear()).then(function (r) { return r.json(); }); })
      .then(function (list) {
        holidays = list;
        $('signin').hidden = true;
        $('work').hidden = false;
        say('');
        settings.branches.forEach(function (b) { $('branch').appendChild(el('option', { value: b.id, text: b.name })); });
        settings.staff.forEach(function (u) { $('pin-user').appendChild(el('option', { value: u, text: u })); });
        chooseBranch();
        $('branch').focus();
      });
  }
  const handed = sessionStorage.getItem('admin-token');
  if (handed) {
    sessionStorage.removeItem('admin-token');
    enter(handed).catch(function (e) { say(e.message); });
  }

  $('branch').onchange = chooseBranch;

  $('add').onclick = function () {
    if (!$('from').value) { say(t['admin.fromMissing']); $('from').focus(); return; }
    const d = { from: $('from').value, to: $('to').value || null };
    if ($('hours').value) {
      d.hours = $('hours').value.split(',').map(function (r) {
        const ends = r.trim().split('-');
        return { open: ends[0], close: ends[1] === '24:00' ? '00:00' : ends[1] };
      });
    }
    if ($('reason').value) d.reason = { da: $('reason').value };
    days.push(d);
    ['from', 'to', 'hours', 'reason'].forEach(function (id) { $(id).value = ''; });
    drawDays();
    say(t['admin.added']);
  };

  $('save-days').onclick = function () {
    const b = branch();
    api('POST', '/api/admin/branches/' + encodeURIComponent(b.id) + '/closed-days', { version: version, days: days.map(fileForm) })
      .then(function () { b.closedDays = days.slice(); say(t['admin.saved']); return refresh(); })
      .catch(function (e) { say(e.message); });
  };

  $('save-pin').onclick = function () {
    api('POST', '/api/admin/staff/' + encodeURIComponent($('pin-user').value) + '/pin', { version: version, pin: $('new-pin').value })
      .then(function () { $('new-pin').value = ''; say(t['admin.saved']); return refresh(); })
      .catch(function (e) { say(e.message); });
  };

  $('export').onclick = function () {
    api('GET', '/api/admin/config').then(function (r) { return r.blob(); }).then(function (blob) {
      const a = el('a', { href: URL.createObjectURL(blob), download: 'configuration-v' + version + '.yaml' });
      document.body.appendChild(a);
      a.click();
      a.remove();
    }).catch(function (e) { say(e.message); });
  };
})();
