// The staff desk: sign in, choose services in priority order, then call and serve; the desk's
// state, queues and waiting list (in the order this desk calls) stay live from the branch's staff
// event stream, which needs the sign-in's token.
(function () {
  const body = document.body;
  const branch = body.dataset.branch;
  const deskId = body.dataset.desk;
  const zone = body.dataset.zone;
  const t = JSON.parse(document.getElementById('texts').textContent);
  const base = '/api/branches/' + encodeURIComponent(branch) + '/desks/' + encodeURIComponent(deskId) + '/';
  const el = Live.el;
  const $ = function (id) { return document.getElementById(id); };
  let token = sessionStorage.getItem('desk-token');
  let me = null;
  let snapshot = null;
  let stream = null;
  let choosing = false;
  let order = [];
  let errorTimer = null;

  function api(method, path, payload, key) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (key) headers['Idempotency-Key'] = key;
    return Live.request(path, { method: method, headers: headers, body: payload === undefined ? undefined : JSON.stringify(payload) })
      .then(function (r) {
        if (r.status === 204) return { status: 204, body: null };
        return r.json().then(function (b) { return { status: r.status, body: b }; });
      });
  }

  function error(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(function () { box.hidden = true; }, 8000);
  }

  // The API's error in the desk's language when the bundle has it, else the API's own message.
  function problem(body) {
    const known = body && t['desk.error.' + body.error];
    return known || (body && body.message) || t['common.error'];
  }

  // The action whose answer was lost or unconfirmed, with its idempotency key: pressing the same
  // button again sends the same key, so a call that did count is not made twice.
  let unanswered = null;

  function newKey() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).substring(1); }).join('');
  }

  // One action at a time: a second click (or key press) while one is under way is ignored, so a
  // double click never calls two citizens. Where the work continues gets the focus once it can.
  let busy = false;
  let focusNext = null;

  function act(action, payload, then, from) {
    if (busy) return Promise.resolve(null);
    busy = true;
    body.setAttribute('aria-busy', 'true');
    const key = unanswered && unanswered.action === action ? unanswered.key : newKey();
    unanswered = { action: action, key: key };
    return api('POST', base + action, payload || {}, key).then(function (r) {
      if (r.status < 500) unanswered = null;
      if (r.status === 401) { signOut(); error(t['desk.error.unauthorized']); }
      else if (r.status === 409 && r.body.error === 'would_leave_waiting') Leave.ask(action, payload || {}, r.body.unserved, then, from);
      else if (r.status >= 400) error(problem(r.body));
      else { $('error').hidden = true; notice(''); }
      if (r.status < 300 && then) focusNext = then(r);
      return r;
    }).catch(function () { error(t['common.error']); }).finally(function () {
      busy = false;
      body.removeAttribute('aria-busy');
      render();
    });
  }

  // Calm information, not an error: "nobody waiting", or what was just ended, with its undo.
  let undoTimer = null;
  function notice(text, undo) {
    $('notice-text').textContent = text;
    $('undo').hidden = !undo;
    clearTimeout(undoTimer);
    if (undo) undoTimer = setTimeout(function () { notice(''); }, 120000);
  }

  function focusWhereWorkContinues() {
    const target = focusNext && $(focusNext);
    if (target && !target.disabled && target.offsetParent !== null) {
      target.focus();
      focusNext = null;
    }
  }

  function desk() {
    return snapshot && snapshot.desks.find(function (d) { return d.id === deskId; });
  }

  function serviceName(id) {
    const s = snapshot.services.find(function (x) { return x.id === id; });
    return s ? s.name.da : id;
  }

  function signedIn(who) {
    me = who;
    $('login').hidden = true;
    $('sign-out').hidden = false;
    $('who').textContent = Live.format(t['desk.signedInAs'], { name: me.name });
    focusNext = 'first-choice';
    follow();
    render();
  }

  function follow() {
    if (stream) stream.close();
    stream = Live.connect('/api/branches/' + encodeURIComponent(branch) + '/events?client=desk&desk=' + encodeURIComponent(deskId),
      { snapshot: update, change: update },
      { marker: $('offline'), stale: $('work'), headers: { Authorization: 'Bearer ' + token }, unauthorized: signedOutByNode });
  }

  // The live stream came back and the node no longer knows this sign-in: the page shows the sign-in
  // form with the reason at once, so that nobody starts an action on a desk that looks signed in.
  function signedOutByNode() {
    signOut();
    $('login-note').textContent = t['desk.signedOutByNode'];
    $('login-note').hidden = false;
    $('user').focus();
  }

  function signOut() {
    if (token) api('POST', '/api/logout', { branch: branch, desk: deskId });
    token = null;
    me = null;
    if (stream) stream.close();
    stream = null;
    snapshot = null;
    sessionStorage.removeItem('desk-token');
    $('login').hidden = false;
    $('setup').hidden = true;
    $('work').hidden = true;
    $('taken').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('desk-state').textContent = '';
    $('desk-state').className = 'state-badge';
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    api('POST', '/api/login', { user: $('user').value.trim(), pin: $('pin').value }).then(function (r) {
      $('pin').value = '';
      if (r.status !== 200) { error(r.status === 401 ? t['desk.error.wrongPin'] : problem(r.body)); return; }
      token = r.body.token;
      sessionStorage.setItem('desk-token', token);
      $('login-note').hidden = true;
      signedIn(r.body);
    });
  });
  $('sign-out').addEventListener('click', signOut);

  function renderSetup() {
    const list = $('service-choice');
    // enabled again after an action: render() disables every button while one is under way
    $('open').disabled = false;
    $('select-all').disabled = false;
    if (window.DeskProfiles) DeskProfiles.shown();
    const d = desk();
    if (order.length === 0) {
      const current = (d && d.services.length ? d.services : []).filter(function (id) { return me.skills.indexOf(id) >= 0; });
      order = current.concat(snapshot.services.map(function (s) { return s.id; })
        .filter(function (id) { return me.skills.indexOf(id) >= 0 && current.indexOf(id) < 0; }));
      order.checked = {};
      current.forEach(function (id) { order.checked[id] = true; });
    }
    list.replaceChildren.apply(list, order.map(function (id, i) {
      const box = el('input', { type: 'checkbox', id: 'svc-' + id, value: id, checked: !!order.checked[id], 'data-first': i === 0 ? 'true' : null,
        onchange: function (e) { order.checked[id] = e.target.checked; } });
      return el('li', {}, [box, el('label', { for: 'svc-' + id, text: serviceName(id) }),
        el('button', { type: 'button', class: 'secondary small', 'aria-label': t['desk.up'] + ': ' + serviceName(id),
          disabled: i === 0, onclick: function () { move(i, -1); }, text: '↑' }),
        el('button', { type: 'button', class: 'secondary small', 'aria-label': t['desk.down'] + ': ' + serviceName(id),
          disabled: i === order.length - 1, onclick: function () { move(i, 1); }, text: '↓' })]);
    }));
  }

  function move(i, by) {
    const checked = order.checked;
    const x = order[i];
    order[i] = order[i + by];
    order[i + by] = x;
    order.checked = checked;
    renderSetup();
  }

  $('open').addEventListener('click', function () {
    const chosen = order.filter(function (id) { return order.checked[id]; });
    act('open', { services: chosen }, function () { choosing = false; order = []; return 'call-next'; });
  });
  $('select-all').addEventListener('click', function () {
    order.forEach(function (id) { order.checked[id] = true; });
    renderSetup();
  });
  // Saved profiles (desk-profiles.js) read and set the setup's choice through this.
  window.DeskSetup = {
    token: function () { return token; },
    chosen: function () { return order.filter(function (id) { return order.checked[id]; }); },
    choose: function (ids) {
      const mine = ids.filter(function (id) { return order.indexOf(id) >= 0; });
      order = mine.concat(order.filter(function (id) { return mine.indexOf(id) < 0; }));
      order.checked = {};
      mine.forEach(function (id) { order.checked[id] = true; });
      renderSetup();
    }
  };
  $('change').addEventListener('click', function () { choosing = true; order = []; focusNext = 'first-choice'; render(); });

  // How long the current citizen has been at the desk (or called), ticking: "3:07".
  function since(iso) {
    if (!iso) return '';
    const seconds = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 1000));
    const m = Math.floor(seconds / 60);
    const sec = seconds % 60;
    return (m >= 60 ? Math.floor(m / 60) + ':' + String(m % 60).padStart(2, '0') : String(m)) + ':' + String(sec).padStart(2, '0');
  }

  function tick() {
    const d = desk();
    const out = $('current-since');
    if (!d || !d.current || !out) return;
    out.textContent = since(d.current.startedAt || d.current.calledAt);
  }

  function renderWork(d) {
    const state = d.state;
    const cur = d.current;
    $('current').replaceChildren.apply($('current'), cur
      ? [el('p', { class: 'current-number', id: 'current-number', text: cur.number }),
         el('p', { class: 'current-what' }, [serviceName(cur.service) + ' · ' + t['desk.ticketState.' + cur.state] + ' ',
           el('span', { class: 'since', id: 'current-since', 'aria-label': t['desk.sinceLabel'],
             text: since(cur.startedAt || cur.calledAt) })])]
      : [el('p', { class: 'muted', text: t['desk.none'] })]);
    const enable = {
      'call-next': state === 'open', recall: state === 'calling', start: state === 'calling',
      'no-show': state === 'calling', done: state === 'serving', transfer: state === 'calling' || state === 'serving',
      pause: state === 'open', resume: state === 'paused', close: state === 'open' || state === 'paused',
      change: state === 'open' || state === 'paused'
    };
    Object.keys(enable).forEach(function (id) { $(id).disabled = !enable[id]; });
    const transfer = $('transfer-service');
    const targets = snapshot.services.filter(function (s) { return !cur || s.id !== cur.service; });
    const key = targets.map(function (s) { return s.id; }).join(',');
    if (transfer.dataset.key !== key) {
      const chosen = transfer.value;
      transfer.replaceChildren.apply(transfer, targets.map(function (s) {
        return el('option', { value: s.id, text: s.name.da, selected: s.id === chosen });
      }));
      transfer.dataset.key = key;
    }
    $('queues').replaceChildren.apply($('queues'), d.services.map(function (id) {
      const s = snapshot.services.find(function (x) { return x.id === id; });
      const late = s.waiting > 0 && s.longestWaitSeconds > s.targetWaitSeconds;
      return el('li', { class: late ? 'late' : '' }, [el('strong', { text: s.name.da }),
        ' ' + Live.format(t['desk.waiting'], { n: s.waiting }),
        s.waiting > 0 ? ' · ' + Live.format(t['desk.longest'], { w: Live.duration(s.longestWaitSeconds, t) }) : '',
        late ? el('span', { class: 'badge', text: t['desk.pastTarget'] }) : null]);
    }));
    const waiting = (snapshot.waiting || []).filter(function (w) { return d.services.indexOf(w.service) >= 0; });
    $('waiting').replaceChildren.apply($('waiting'), waiting.length === 0
      ? [el('li', { class: 'muted empty', text: t['desk.nobodyWaiting'] })]
      : waiting.slice(0, 30).map(function (w) {
        return el('li', {}, [el('strong', { text: w.number }), ' ' + serviceName(w.service) + ' · ' + Live.duration(w.waitedSeconds, t) + ' ',
          el('button', { type: 'button', class: 'secondary small call-this', 'data-ticket': w.id, disabled: state !== 'open',
            'aria-label': Live.format(t['desk.callThisLabel'], { number: w.number }), text: t['desk.callThis'],
            onclick: function () { act('call', { ticket: w.id }, to('start')); } })]);
      }));
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString('da-DK', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  }

  // A desk someone else works, or left signed out: who, when it closes by itself, and for a
  // supervisor of the branch the way to close or take it over.
  function renderTaken(d) {
    const supervisor = (me.supervises || []).indexOf(branch) >= 0;
    const text = d.closesAt ? Live.format(t['desk.abandoned'], { staff: d.staff, time: clock(d.closesAt) })
      : Live.format(t['desk.taken'], { staff: d.staff });
    $('taken-text').textContent = supervisor ? text : text + ' ' + t['desk.askSupervisor'];
    $('supervise').hidden = !supervisor;
    $('take-over').disabled = false;
    $('close-other').disabled = !!d.current;
  }

  function render() {
    const d = desk();
    if (!me || !d) return;
    const reason = d.state === 'paused' && d.pauseReason ? ' – ' + (t['desk.pauseReason.' + d.pauseReason] || d.pauseReason) : '';
    $('desk-state').textContent = t['desk.state.' + d.state] + reason;
    $('desk-state').className = 'state-badge ' + d.state;
    const taken = d.state !== 'closed' && !!d.staff && d.staff !== me.user;
    const setup = !taken && (choosing || d.state === 'closed');
    $('taken').hidden = !taken;
    $('setup').hidden = !setup;
    $('work').hidden = setup || taken;
    if (taken) renderTaken(d); else if (setup) renderSetup(); else renderWork(d);
    if (busy) document.querySelectorAll('#work button, #setup button, #taken button').forEach(function (b) { b.disabled = true; });
    if (focusNext === 'first-choice') focusNext = setup ? (document.querySelector('[data-first]') || {}).id || 'open' : taken ? 'taken-text' : 'call-next';
    focusWhereWorkContinues();
  }

  function callNext() {
    act('call-next', {}, function (r) {
      if (r.status === 204) { notice(t['desk.nobodyWaiting']); return 'call-next'; }
      return 'start';
    });
  }

  // After a no-show or done, what was ended and the way to take it back (for two minutes).
  function ended(kind) {
    return function (r) {
      notice(Live.format(t['desk.ended.' + kind], { number: r.body.number }), true);
      return 'call-next';
    };
  }

  function to(id) { return function () { return id; }; }

  [['call-next', callNext],
   ['recall', function () { act('recall', {}, to('start')); }],
   ['start', function () { act('start', {}, to('done')); }],
   ['no-show', function () { act('no-show', {}, ended('no_show')); }],
   ['done', function () { act('done', { outcome: $('outcome').value }, ended('done')); }],
   ['undo', function () {
     act('undo', {}, function (r) { return r.body.state === 'serving' ? 'done' : 'start'; });
   }],
   ['transfer', function () { act('transfer', { service: $('transfer-service').value, placement: $('transfer-placement').value }, to('call-next')); }],
   ['pause', function () { act('pause', { reason: $('pause-reason').value || null }, to('resume'), 'pause'); }],
   ['resume', function () { act('resume', {}, to('call-next')); }],
   ['close', function () { act('close', {}, to('first-choice'), 'close'); }],
   ['take-over', function () { act('take-over', {}, to('call-next')); }],
   ['close-other', function () { act('close', {}, to('first-choice'), 'close-other'); }]
  ].forEach(function (b) { $(b[0]).addEventListener('click', b[1]); });

  // The shortcut shown on the button calls the next citizen, unless one is typing in a field.
  document.addEventListener('keydown', function (e) {
    const tag = (e.target.tagName || '').toLowerCase();
    if (e.ctrlKey || e.altKey || e.metaKey || tag === 'input' || tag === 'select' || tag === 'textarea') return;
    if (e.key.toLowerCase() === t['desk.shortcut'].toLowerCase() && !$('work').hidden && !$('call-next').disabled) {
      e.preventDefault();
      callNext();
    }
  });
  setInterval(tick, 1000);
  setInterval(function () { if (me && snapshot && !$('work').hidden) renderWork(desk()); }, 15000);

  // Closing or pausing the last open desk of a service with citizens waiting: the node refused it
  // and named them; this dialog asks what becomes of them and sends the same action with the choice.
  const Leave = (function () {
    const en = JSON.parse($('texts-en').textContent);
    const dialog = $('leave');
    let pending = null;

    function line(key, values, serviceName) {
      return el('li', {}, [el('span', { class: 'da', text: Live.format(t[key], { service: serviceName.da, n: values.n }) }),
        el('span', { class: 'en', lang: 'en', text: Live.format(en[key], { service: serviceName.en || serviceName.da, n: values.n }) })]);
    }

    // Services another open desk serves, which those waiting could move to.
    function targets(unserved) {
      const left = unserved.map(function (u) { return u.service; });
      return snapshot.services.filter(function (s) {
        return left.indexOf(s.id) < 0 && snapshot.desks.some(function (d) {
          return d.id !== deskId && d.state !== 'closed' && d.state !== 'paused' && d.services.indexOf(s.id) >= 0;
        });
      });
    }

    function ask(action, payload, unserved, then, from) {
      pending = { action: action, payload: payload, then: then, from: from };
      $('leave-counts').replaceChildren.apply($('leave-counts'), unserved.map(function (u) {
        return line('desk.leave.count', { n: u.waiting }, u.name);
      }));
      const moveTo = targets(unserved);
      $('leave-service').replaceChildren.apply($('leave-service'), moveTo.map(function (s) {
        return el('option', { value: s.id, text: s.name.da });
      }));
      function movable(n) {
        $('leave-move').disabled = n === 0;
        $('leave-service').disabled = n === 0;
        $('leave-no-move').hidden = n > 0;
      }
      movable(moveTo.length);
      // And the other branches' services that an open desk serves now, with how many wait there.
      api('GET', '/api/branches/' + encodeURIComponent(branch) + '/move-targets').then(function (r) {
        if (r.status !== 200 || pending === null) return;
        r.body.forEach(function (b) {
          $('leave-service').appendChild(el('optgroup', { label: b.name }, b.services.map(function (s) {
            return el('option', { value: b.branch + '/' + s.service,
              text: Live.format(t['desk.leave.atBranch'], { branch: b.name, service: s.name.da, n: s.waiting }) });
          })));
        });
        movable($('leave-service').options.length);
      }).catch(function () { /* only this branch's services, then */ });
      $('leave-keep').checked = true;
      const confirm = 'desk.leave.confirm.' + (action === 'pause' ? 'pause' : 'close');
      $('leave-confirm').replaceChildren(el('span', { class: 'da', text: t[confirm] }), el('span', { class: 'en', lang: 'en', text: en[confirm] }));
      dialog.showModal();
      $('leave-keep').focus();
    }

    function choice() {
      const kind = document.querySelector('input[name="leave-choice"]:checked').value;
      const to = $('leave-service').value.split('/');
      if (kind === 'move') return to.length === 2 ? { choice: 'move', branch: to[0], service: to[1] } : { choice: 'move', service: to[0] };
      if (kind === 'end') return { choice: 'end', message: $('leave-message').value.trim() };
      return { choice: 'keep' };
    }

    $('leave-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const p = pending;
      pending = null;
      dialog.close();
      act(p.action, Object.assign({}, p.payload, { waiting: choice() }), p.then, p.from);
    });
    $('leave-message').addEventListener('focus', function () { $('leave-end').checked = true; });
    $('leave-service').addEventListener('change', function () { $('leave-move').checked = true; });
    $('leave-cancel').addEventListener('click', function () { dialog.close(); });
    // Cancelled (the button or Escape): nothing changed; the focus goes back to where it was asked from.
    dialog.addEventListener('close', function () {
      if (pending && pending.from) $(pending.from).focus();
      pending = null;
    });
    return { ask: ask };
  })();

  function update(data) {
    const d = JSON.parse(data);
    snapshot = d.snapshot || d;
    render();
  }

  if (token) {
    api('GET', '/api/me').then(function (r) { if (r.status === 200) signedIn(r.body); else if (r.status === 401) signedOutByNode(); else signOut(); });
  }
})();
