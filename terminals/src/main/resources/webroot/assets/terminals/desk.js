// The staff desk: sign in, choose services in priority order, then call and serve; the desk's
// state, queues and waiting list stay live from the branch's event stream.
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
  let choosing = false;
  let order = [];
  let errorTimer = null;

  function api(method, path, payload) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
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

  function act(action, payload) {
    return api('POST', base + action, payload || {}).then(function (r) {
      if (r.status === 401) { signOut(); error(r.body.message); }
      else if (r.status >= 400) error(r.body.message);
      else $('error').hidden = true;
      return r;
    }).catch(function () { error(t['common.error']); });
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
    render();
  }

  function signOut() {
    if (token) api('POST', '/api/logout');
    token = null;
    me = null;
    sessionStorage.removeItem('desk-token');
    $('login').hidden = false;
    $('setup').hidden = true;
    $('work').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    api('POST', '/api/login', { user: $('user').value.trim(), pin: $('pin').value }).then(function (r) {
      $('pin').value = '';
      if (r.status !== 200) { error(r.body.message); return; }
      token = r.body.token;
      sessionStorage.setItem('desk-token', token);
      signedIn(r.body);
    });
  });
  $('sign-out').addEventListener('click', signOut);

  function renderSetup() {
    const list = $('service-choice');
    const d = desk();
    if (order.length === 0) {
      const current = d && d.services.length ? d.services : [];
      order = current.concat(snapshot.services.map(function (s) { return s.id; })
        .filter(function (id) { return me.skills.indexOf(id) >= 0 && current.indexOf(id) < 0; }));
      order.checked = {};
      current.forEach(function (id) { order.checked[id] = true; });
    }
    list.replaceChildren.apply(list, order.map(function (id, i) {
      const box = el('input', { type: 'checkbox', id: 'svc-' + id, value: id, checked: !!order.checked[id],
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
    act('open', { services: chosen }).then(function (r) {
      if (r && r.status === 200) { choosing = false; order = []; render(); }
    });
  });
  $('change').addEventListener('click', function () { choosing = true; order = []; render(); });

  function since(iso) {
    if (!iso) return '';
    return Live.format(t['desk.since'], { w: Live.duration((Date.now() - new Date(iso).getTime()) / 1000, t) });
  }

  function renderWork(d) {
    const state = d.state;
    const cur = d.current;
    $('current').replaceChildren.apply($('current'), cur
      ? [el('p', { class: 'current-number', id: 'current-number', text: cur.number }),
         el('p', { text: serviceName(cur.service) + ' · ' + t['desk.ticketState.' + cur.state] + ' ' + since(cur.startedAt || cur.calledAt) })]
      : [el('p', { class: 'muted', text: t['desk.none'] })]);
    const enable = {
      'call-next': state === 'open', recall: state === 'calling', start: state === 'calling',
      'no-show': state === 'calling', done: state === 'serving', transfer: state === 'calling' || state === 'serving',
      pause: state === 'open', resume: state === 'paused', close: state === 'open' || state === 'paused',
      change: state === 'open' || state === 'paused'
    };
    Object.keys(enable).forEach(function (id) { $(id).disabled = !enable[id]; });
    const transfer = $('transfer-service');
    if (transfer.options.length !== snapshot.services.length) {
      transfer.replaceChildren.apply(transfer, snapshot.services.map(function (s) {
        return el('option', { value: s.id, text: s.name.da });
      }));
    }
    $('queues').replaceChildren.apply($('queues'), d.services.map(function (id) {
      const s = snapshot.services.find(function (x) { return x.id === id; });
      const late = s.waiting > 0 && s.longestWaitSeconds > s.targetWaitSeconds;
      return el('li', { class: late ? 'late' : '' }, [el('strong', { text: s.name.da }),
        ' ' + Live.format(t['desk.waiting'], { n: s.waiting }),
        s.waiting > 0 ? ' · ' + Live.format(t['desk.longest'], { w: Live.duration(s.longestWaitSeconds, t) }) : '',
        late ? el('span', { class: 'badge', text: t['desk.pastTarget'] }) : null]);
    }));
    const waiting = snapshot.waiting.filter(function (w) { return d.services.indexOf(w.service) >= 0; });
    $('waiting').replaceChildren.apply($('waiting'), waiting.length === 0
      ? [el('li', { class: 'muted empty', text: t['desk.nobodyWaiting'] })]
      : waiting.slice(0, 30).map(function (w) {
        return el('li', {}, [el('strong', { text: w.number }), ' ' + serviceName(w.service) + ' · ' + Live.duration(w.waitedSeconds, t)]);
      }));
  }

  function render() {
    const d = desk();
    if (!me || !d) return;
    $('desk-state').textContent = t['desk.state.' + d.state];
    $('desk-state').className = 'state-badge ' + d.state;
    const setup = choosing || d.state === 'closed';
    $('setup').hidden = !setup;
    $('work').hidden = setup;
    if (setup) renderSetup(); else renderWork(d);
  }

  [['call-next', function () { act('call-next'); }],
   ['recall', function () { act('recall'); }],
   ['start', function () { act('start'); }],
   ['no-show', function () { act('no-show'); }],
   ['done', function () { act('done', { outcome: $('outcome').value }); }],
   ['transfer', function () { act('transfer', { service: $('transfer-service').value, placement: $('transfer-placement').value }); }],
   ['pause', function () { act('pause', { reason: $('pause-reason').value || null }); }],
   ['resume', function () { act('resume'); }],
   ['close', function () { act('close'); }]
  ].forEach(function (b) { $(b[0]).addEventListener('click', b[1]); });

  document.addEventListener('keydown', function (e) {
    const tag = (e.target.tagName || '').toLowerCase();
    if (e.key === 'Enter' && tag !== 'input' && tag !== 'select' && tag !== 'button' && !$('work').hidden && !$('call-next').disabled) {
      e.preventDefault();
      act('call-next');
    }
  });
  setInterval(function () { if (me && snapshot && !$('work').hidden) renderWork(desk()); }, 15000);

  function update(data) {
    const d = JSON.parse(data);
    snapshot = d.snapshot || d;
    render();
  }
  Live.connect('/api/branches/' + encodeURIComponent(branch) + '/events?client=desk', { snapshot: update, change: update },
    { marker: $('offline'), stale: $('work') });

  if (token) {
    api('GET', '/api/me').then(function (r) { if (r.status === 200) signedIn(r.body); else signOut(); });
  }
})();
