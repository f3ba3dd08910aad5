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

  function api(method, path, body, accept) {
    const headers = { 'Authorization': 'Bearer ' + token };
    if (accept) headers['Accept'] = accept;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return Live.request(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) return r;
        return r.json().then(function (e) { throw Object.assign(new Error(e.message), e); });
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


  // The editors of the running configuration: one form per list, filled from its JSON tree; a save
  // sends the changed fields of one item, and the loader's messages come back next to their fields.
  const tEn = JSON.parse($('texts-en').textContent);
  let config = {};
  const GROUPS = ['borgerservice', 'bibliotek', 'digital'];
  const LISTS = [
    { list: 'services', key: 'id', fields: [{ f: 'name.da' }, { f: 'name.en' }, { f: 'letter' },
      { f: 'group', choices: function () { return GROUPS; } }, { f: 'targetWaitMinutes', type: 'number' },
      { f: 'bring.da' }, { f: 'bring.en' }, { f: 'appointmentOnly', type: 'checkbox' }] },
    { list: 'branches', key: 'id', fields: [{ f: 'name' }, { f: 'hours', type: 'lines' },
      { f: 'services', type: 'boxes', choices: function () { return ids('services', 'id'); } },
      { f: 'booked', type: 'booked', choices: function () { return ids('services', 'id'); } },
      { f: 'desks', type: 'desks' }] },
    { list: 'staff', key: 'user', fields: [{ f: 'name' },
      { f: 'skills', type: 'boxes', choices: function () { return ids('services', 'id'); } },
      { f: 'supervises', type: 'boxes', choices: function () { return ids('branches', 'id'); } },
      { f: 'admin', type: 'checkbox' }, { f: 'pin', type: 'password' }] },
    { list: 'kiosks', key: 'id', fields: [{ f: 'branch', choices: function () { return ids('branches', 'id'); } }, { f: 'name' }] },
    { list: 'screens', key: 'id', fields: [{ f: 'branch', choices: function () { return ids('branches', 'id'); } }, { f: 'name' }] },
    { list: 'signage', key: 'branch', fields: [{ f: 'colours.background', type: 'color' }, { f: 'colours.text', type: 'color' },
      { f: 'colours.muted', type: 'color' }, { f: 'colours.accent', type: 'color' }, { f: 'slides', type: 'slides' }] }
  ];

  function bilingual(text) {
    if (text == null) return '';
    return typeof text === 'string' ? text : text.da + (text.en ? ' | ' + text.en : '');
  }
  function texts(line) {
    const at = line.indexOf(' | ');
    return at < 0 ? { da: line.trim() } : { da: line.substring(0, at).trim(), en: line.substring(at + 3).trim() };
  }
  function ids(list, key) { return (config[list] || []).map(function (i) { return i[key]; }); }
  function label(key) { return [t[key], el('span', { class: 'en', lang: 'en', text: tEn[key] })]; }
  function get(item, path) { return path.split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, item); }
  function fid(spec, field) { return 'e-' + spec.list + '-' + field.f.replace('.', '-'); }

  function input(spec, field) {
    const id = fid(spec, field);
    const attrs = { id: id, name: field.f, 'aria-describedby': id + '-err' };
    const err = el('span', { id: id + '-err', class: 'field-error' });
    if (field.type === 'boxes' || field.type === 'booked') {
      return el('fieldset', { id: id, class: 'box-' + id, 'aria-describedby': id + '-err' }, [el('legend', {}, label('admin.f.' + field.f))]
        .concat(field.choices().map(function (c) {
          return el('span', {}, [el('input', { type: 'checkbox', id: id + '-' + c, value: c }), ' ',
            el('label', { for: id + '-' + c, text: c }), ' ']);
        })).concat([err]));
    }
    let control;
    if (field.choices) {
      control = el('select', attrs, field.choices().map(function (c) { return el('option', { value: c, text: c }); }));
    } else if (field.type === 'lines' || field.type === 'desks' || field.type === 'slides') {
      control = el('textarea', Object.assign(attrs, { rows: field.type === 'slides' ? 8 : 3 }));
    } else {
      control = el('input', Object.assign(attrs, { type: field.type || 'text' }));
      if (field.type === 'password') control.setAttribute('autocomplete', 'new-password');
    }
    const parts = [el('label', { for: id }, label('admin.f.' + field.f)), control, err];
    if (field.type === 'color') parts.push(el('span', { id: id + '-ratio', class: 'muted' }));
    return el('p', { class: 'box-' + id }, parts);
  }

  function fill(spec, item) {
    spec.fields.forEach(function (field) {
      const id = fid(spec, field);
      const v = get(item, field.f);
      if (field.type === 'booked') {
        const booked = ((item && item.services) || []).filter(function (x) { return typeof x !== 'string' && x.booking; })
          .map(function (x) { return x.id; });
        field.choices().forEach(function (c) { $(id + '-' + c).checked = booked.indexOf(c) >= 0; });
      } else if (field.type === 'boxes') {
        const chosen = (v || []).map(function (x) { return typeof x === 'string' ? x : x.id; });
        field.choices().forEach(function (c) { $(id + '-' + c).checked = chosen.indexOf(c) >= 0; });
      } else if (field.type === 'checkbox') {
        $(id).checked = v === true || v === 'true';
      } else if (field.type === 'lines') {
        $(id).value = Object.keys(v || {}).map(function (k) { return k + ': ' + v[k]; }).join('\n');
      } else if (field.type === 'desks') {
        $(id).value = (v || []).map(function (d) { return d.id + ': ' + d.name; }).join('\n');
      } else if (field.type === 'slides') {
        $(id).value = (v || []).map(function (s) { return [bilingual(s.title), bilingual(s.text)].join('\n'); }).join('\n\n');
      } else if (field.type === 'color') {
        $(id).value = v || '#000000';
      } else if (field.choices) {
        $(id).value = v == null ? field.choices()[0] : v;
      } else if (field.type !== 'password') {
        $(id).value = v == null ? '' : v;
      } else {
        $(id).value = '';
      }
    });
    contrast(spec);
  }

  // What the form says, in the configuration's form; empty fields are removed (null).
  function read(spec, item) {
    const set = {};
    spec.fields.forEach(function (field) {
      const e = $(fid(spec, field));
      let v;
      if (field.type === 'booked') {
        // Of the services offered (the field above): those ticked get a booking block (both booked
        // times and walk-in, the rest at their defaults) or keep theirs; the others lose it.
        set.services = set.services && set.services.map(function (x) {
          const id = typeof x === 'string' ? x : x.id;
          const service = typeof x === 'string' ? { id: x } : Object.assign({}, x);
          if (!$(fid(spec, field) + '-' + id).checked) delete service.booking;
          else if (!service.booking) service.booking = { mode: 'both' };
          return Object.keys(service).length === 1 ? id : service;
        });
        return;
      }
      if (field.type === 'boxes') {
        v = field.choices().filter(function (c) { return $(fid(spec, field) + '-' + c).checked; }).map(function (c) {
          const before = ((item || {})[field.f] || []).find(function (x) { return typeof x !== 'string' && x.id === c; });
          return before || c;
        });
        if (v.length === 0) v = null;
      } else if (field.type === 'checkbox') {
        v = e.checked ? true : null;
      } else if (field.type === 'number') {
        v = e.value === '' ? null : Number(e.value);
      } else if (field.type === 'slides') {
        // A slide a paragraph: its title on the first line, its text on the second; "dansk | English".
        v = e.value.split(/\n\s*\n/).map(function (b) { return b.trim(); }).filter(Boolean).map(function (b) {
          const lines = b.split('\n');
          const slide = { text: texts(lines.length > 1 ? lines.slice(1).join(' ') : lines[0]) };
          if (lines.length > 1) slide.title = texts(lines[0]);
          return slide;
        });
        if (v.length === 0) v = null;
      } else if (field.type === 'lines' || field.type === 'desks') {
        const rows = e.value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
          const at = l.indexOf(':');
          return at < 0 ? [l, ''] : [l.substring(0, at).trim(), l.substring(at + 1).trim()];
        });
        if (field.type === 'lines') {
          v = {};
          rows.forEach(function (r) { v[r[0]] = r[1]; });
        } else {
          v = rows.map(function (r) { return { id: r[0], name: r[1] }; });
        }
      } else {
        v = e.value.trim() === '' ? null : e.value.trim();
      }
      const path = field.f.split('.');
      if (path.length === 2) {
        set[path[0]] = set[path[0]] || Object.assign({}, (item || {})[path[0]]);
        if (v === null) delete set[path[0]][path[1]]; else set[path[0]][path[1]] = v;
      } else if (field.type !== 'password' || v !== null) {
        set[field.f] = v;
      }
    });
    Object.keys(set).forEach(function (k) {
      if (set[k] && typeof set[k] === 'object' && !Array.isArray(set[k]) && Object.keys(set[k]).length === 0) set[k] = null;
    });
    return set;
  }

  // WCAG's contrast ratio, as the loader computes it, shown beside each colour.
  function luminance(hex) {
    const n = parseInt(hex.substring(1), 16);
    return [16, 8, 0].map(function (s) {
      const c = ((n >> s) & 255) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function contrast(spec) {
    if (spec.list !== 'signage') return;
    const back = $('e-signage-colours-background').value;
    ['text', 'muted', 'accent'].forEach(function (c) {
      const a = luminance($('e-signage-colours-' + c).value);
      const b = luminance(back);
      const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      $('e-signage-colours-' + c + '-ratio').textContent = Live.format(t['admin.contrast'], { r: r.toFixed(1).replace('.', ',') })
        + (r < 4.5 ? ' – ' + t['admin.contrastLow'] : '');
    });
  }

  function showProblems(spec, error) {
    const unplaced = [];
    (error.problems || []).forEach(function (p) {
      const m = new RegExp('^' + spec.list + '\\[\\d+\\]\\.([\\w-]+)(?:\\.(\\w+))?').exec(p.path);
      const field = m && spec.fields.find(function (f) { return f.f === m[1] + (m[2] ? '.' + m[2] : '') || f.f === m[1]; });
      if (field) {
        const id = fid(spec, field);
        $(id + '-err').textContent = p.message;
        $(id).setAttribute('aria-invalid', 'true');
      } else {
        unplaced.push((p.path ? p.path + ': ' : '') + p.message);
      }
    });
    say(unplaced.length ? unplaced.join(' ') : (error.problems ? t['admin.fixFields'] : error.message));
  }

  function editor(spec) {
    const choose = el('select', { id: 'e-' + spec.list + '-choose' });
    const key = el('input', { id: 'e-' + spec.list + '-key', 'aria-describedby': 'e-' + spec.list + '-key-err' });
    const keyLabel = spec.key === 'user' ? 'admin.f.user' : spec.key === 'branch' ? 'admin.f.branch' : 'admin.f.id';
    const note = el('span', { id: 'e-' + spec.list + '-note', role: 'status' });
    function current() { return (config[spec.list] || []).find(function (i) { return i[spec.key] === choose.value; }); }
    function pick() {
      spec.fields.forEach(function (f) { $(fid(spec, f) + '-err').textContent = ''; $(fid(spec, f)).removeAttribute('aria-invalid'); });
      key.value = choose.value;
      key.readOnly = choose.value !== '';
      fill(spec, current() || {});
    }
    function options() {
      const was = choose.value;
      // Lists to choose from (services, branches) may have changed.
      spec.fields.filter(function (f) { return f.choices; }).forEach(function (f) {
        const old = document.querySelector('.box-' + fid(spec, f));
        old.replaceWith(input(spec, f));
      });
      choose.replaceChildren.apply(choose, [el('option', { value: '', text: t['admin.new'] })].concat(
        ids(spec.list, spec.key).map(function (i) { return el('option', { value: i, text: i }); })));
      choose.value = ids(spec.list, spec.key).indexOf(was) >= 0 ? was : '';
      pick();
    }
    choose.onchange = pick;
    const save = el('button', { type: 'button', id: 'e-' + spec.list + '-save', text: t['admin.save'] });
    save.onclick = function () {
      const id = key.value.trim();
      if (!id) { say(t['admin.fixFields']); key.focus(); return; }
      spec.fields.forEach(function (f) { $(fid(spec, f) + '-err').textContent = ''; $(fid(spec, f)).removeAttribute('aria-invalid'); });
      api('POST', '/api/admin/' + spec.list + '/' + encodeURIComponent(id), { version: version, set: read(spec, current()) })
        .then(function () { return reload(); })
        .then(function () { choose.value = id; pick(); say(t['admin.saved']); })
        .catch(function (e) { showProblems(spec, e); });
    };
    const remove = el('button', { type: 'button', class: 'secondary', id: 'e-' + spec.list + '-remove', text: t['admin.removeItem'] });
    remove.onclick = function () {
      if (!choose.value) return;
      api('DELETE', '/api/admin/' + spec.list + '/' + encodeURIComponent(choose.value) + '?version=' + version)
        .then(function () { return reload(); })
        .then(function () { say(t['admin.removed']); })
        .catch(function (e) { showProblems(spec, e); });
    };
    const box = el('section', { 'aria-labelledby': 'e-' + spec.list + '-h' }, [
      el('h3', { id: 'e-' + spec.list + '-h' }, label('admin.list.' + spec.list)),
      el('p', {}, [el('label', { for: choose.id }, label('admin.choose')), choose]),
      el('p', {}, [el('label', { for: key.id }, label(keyLabel)), key])].concat(
      spec.fields.map(function (f) { return input(spec, f); }),
      [el('p', {}, [save, ' ', remove, ' ', note])]));
    box.addEventListener('input', function () { contrast(spec); });
    spec.refresh = options;
    return box;
  }

  function reload() {
    return refresh().then(function () {
      return api('GET', '/api/admin/config', undefined, 'application/json');
    }).then(function (r) { return r.json(); }).then(function (tree) {
      config = tree;
      LISTS.forEach(function (spec) { if (spec.refresh) spec.refresh(); });
    });
  }

  function editors() {
    $('editors').replaceChildren.apply($('editors'), LISTS.map(editor));
    return reload();
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
        return editors();
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
